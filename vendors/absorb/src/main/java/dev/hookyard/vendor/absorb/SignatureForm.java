package dev.hookyard.vendor.absorb;

/**
 * The encodings an {@code absorb-signature} value may arrive in. Absorb does not document its encoding, so SPEC.md
 * has a receiver accept each of these and log which one arrived; {@link #label()} is that log text.
 */
enum SignatureForm {
    /** 64 hex digits, any case. */
    HEX("hex"),
    /** Standard base64 ({@code +/}) of the 32 MAC bytes; also a value using neither {@code +/} nor {@code -_}. */
    BASE64("base64"),
    /** URL-safe base64 ({@code -_}) of the 32 MAC bytes. */
    BASE64URL("base64url");

    private final String label;

    SignatureForm(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
