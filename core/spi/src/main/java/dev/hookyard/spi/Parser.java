package dev.hookyard.spi;

/**
 * Turns a verified delivery into a typed event.
 *
 * <p>Must be deterministic: the host parses a delivery again from its stored bytes after a restart and expects the
 * same event. Must never throw for any input: a body that is not the vendor's envelope is a
 * {@link ParseResult.Malformed}. Event types the parser does not know become a {@link GenericEvent}.
 */
@FunctionalInterface
public interface Parser {

    /** Parses one delivery; never throws, never returns {@code null}. */
    ParseResult parse(Delivery delivery);
}
