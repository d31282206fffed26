package dev.hookyard.vendor.support;

/**
 * Raised while reading a body that is not the vendor's envelope (not JSON, not an object, a field of the wrong
 * JSON type, ...); the vendor's parser catches it and returns {@link dev.hookyard.spi.ParseResult#malformed} with
 * {@link #getMessage()}. The message is a short fixed text naming a field or its path, never a value from the body.
 * It carries no stack trace and cannot be suppressed into: it is an expected outcome of hostile or broken input, not
 * a bug, and is created often enough that filling in a stack trace would be waste.
 */
public final class MalformedBodyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param reason the short fixed text the sender may be shown */
    public MalformedBodyException(String reason) {
        super(reason, null, false, false);
    }
}
