package dev.hookyard.spi;

/**
 * Decides whether a delivery is genuine, from its raw bytes and headers alone.
 *
 * <p>Implementations must compare secrets and MACs in constant time, must never throw for any input (a malformed
 * header is a {@link Verification.Rejected}), and must never put a secret or an expected MAC into a rejection's
 * detail text.
 */
@FunctionalInterface
public interface Verifier {

    /** Verifies one delivery; never throws, never returns {@code null}. */
    Verification verify(Delivery delivery);
}
