package dev.hookyard.plugin.kafkapublish;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kafka's rules for topic names, as its broker and client enforce them. */
final class TopicName {

    /** Kafka refuses longer names. */
    static final int MAX_LENGTH = 249;

    /** The only characters Kafka accepts in a topic name. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");
    private static final Pattern ILLEGAL_CHARACTER = Pattern.compile("[^a-zA-Z0-9._-]");

    /** What an illegal character becomes in a value expanded into a name. */
    static final String REPLACEMENT = "_";

    private TopicName() {
    }

    /** Whether every character of {@code text} may appear in a topic name. */
    static boolean isLegal(String text) {
        return LEGAL.matcher(text).matches();
    }

    /** {@code value} with each character Kafka refuses in a topic name replaced by {@link #REPLACEMENT}. */
    static String legalized(String value) {
        return ILLEGAL_CHARACTER.matcher(value).replaceAll(REPLACEMENT);
    }

    /** Why {@code name}, made of legal characters only, is still no topic name; empty when it is one. */
    static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("is '" + name + "', which Kafka refuses");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is " + name.length() + " characters long, more than Kafka's " + MAX_LENGTH);
        }
        return Optional.empty();
    }
}
