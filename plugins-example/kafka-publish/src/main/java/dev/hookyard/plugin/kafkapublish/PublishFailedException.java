package dev.hookyard.plugin.kafkapublish;

/**
 * An event was not published: the broker could not be reached, refused the record, or did not acknowledge it in
 * time. The host retries the event under the handler's retry policy.
 */
final class PublishFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
