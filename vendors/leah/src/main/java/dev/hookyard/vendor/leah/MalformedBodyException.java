package dev.hookyard.vendor.leah;

/**
 * Raised while building an event from a body that is JSON but not in Leah's shape (a field of the wrong JSON type);
 * the parser turns it into {@link dev.hookyard.spi.ParseResult.Malformed}. Its message is a short fixed text naming
 * a field path, never a value from the body. Carries no stack trace: it is an expected outcome, not a bug.
 */
final class MalformedBodyException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedBodyException(String reason) {
        super(reason, null, false, false);
    }
}
