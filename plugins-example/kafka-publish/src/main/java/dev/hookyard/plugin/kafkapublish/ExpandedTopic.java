package dev.hookyard.plugin.kafkapublish;

/** The topic a template names for one event: a valid topic name, or why there is none. */
sealed interface ExpandedTopic {

    /**
     * A name Kafka accepts.
     *
     * @param name the topic name
     */
    record Valid(String name) implements ExpandedTopic {
    }

    /**
     * The values of this event make no topic name (too long, or nothing but dots); no retry can change that.
     *
     * @param reason for the operator, naming the expanded name's problem
     */
    record Unusable(String reason) implements ExpandedTopic {
    }
}
