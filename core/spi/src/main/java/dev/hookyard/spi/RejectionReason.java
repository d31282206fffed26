package dev.hookyard.spi;

import java.util.Locale;

/** Why a {@link Verifier} rejected a delivery; each has a stable code for logs and metrics. */
public enum RejectionReason {
    /** The signature or credential header is absent or empty. */
    MISSING,
    /** The header is present but not in the vendor's format (bad prefix, bad hex or base64, wrong length). */
    MALFORMED,
    /** Well-formed, but no active secret produces it. */
    MISMATCH,
    /** Several candidate headers were present where exactly one is allowed. */
    AMBIGUOUS,
    /** A credential scheme the endpoint does not accept (e.g. Basic where only Bearer is configured). */
    UNSUPPORTED_SCHEME,
    /** The endpoint has no active secret to verify with. */
    NO_ACTIVE_SECRET,
    /**
     * The signed timestamp is older than the endpoint's tolerance: possibly a captured delivery sent again, so it is
     * refused even when its signature is genuine.
     */
    STALE_TIMESTAMP,
    /** The signed timestamp lies further in the future than the endpoint's tolerance allows. */
    FUTURE_TIMESTAMP;

    /** The stable, lower-case code used in logs and metric labels, e.g. {@code "mismatch"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
