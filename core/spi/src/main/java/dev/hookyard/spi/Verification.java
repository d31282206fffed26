package dev.hookyard.spi;

/**
 * The result of {@link Verifier#verify(Delivery)}: either the delivery is genuine, or it is rejected with a
 * machine-readable reason.
 */
public sealed interface Verification {

    /** Accept: the delivery was signed by a holder of an active secret. */
    static Verification verified(String scheme) {
        return new Verified(scheme);
    }

    /** Reject with a reason code and a detail for logs (never a secret or an expected value). */
    static Verification rejected(RejectionReason reason, String detail) {
        return new Rejected(reason, detail);
    }

    /**
     * The delivery is genuine.
     *
     * @param scheme how it was proven, for logs (e.g. {@code "X-LEAST-Signature"}); never a secret
     */
    record Verified(String scheme) implements Verification {
        public Verified {
            Checks.notBlank(scheme, "scheme");
        }
    }

    /**
     * The delivery is not proven genuine and must be answered 401.
     *
     * @param reason machine-readable reason, logged and counted
     * @param detail a short text for the operator's log; never contains secrets or expected signatures
     */
    record Rejected(RejectionReason reason, String detail) implements Verification {
        public Rejected {
            Checks.notNull(reason, "reason");
            Checks.notNull(detail, "detail");
        }
    }
}
