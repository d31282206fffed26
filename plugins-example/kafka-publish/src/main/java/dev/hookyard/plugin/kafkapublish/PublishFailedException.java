package dev.hookyard.plugin.kafkapublish;

/**
 * An event was not published: the producer could not be created, the broker could not be reached, refused the
 * record, or did not acknowledge it in time. The host retries the event under the handler's retry policy.
 */
final class PublishFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code what}, then the cause's type and message: Kafka's messages name the topic or broker, never secrets. */
    static PublishFailedException because(String what, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new PublishFailedException(what + ": " + reason, cause);
    }
}
