package dev.hookyard.vendor.falkor;

/**
 * Raised while reading a body that is JSON but not Falkor's envelope; the parser turns it into
 * {@link dev.hookyard.spi.ParseResult.Malformed}. The message is a short fixed text naming a field path, never a
 * value from the body. No stack trace: it is an expected outcome of hostile or broken input, not a bug.
 */
final class MalformedBodyException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedBodyException(String reason) {
        super(reason, null, false, false);
    }
}
