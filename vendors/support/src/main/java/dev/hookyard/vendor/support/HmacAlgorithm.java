package dev.hookyard.vendor.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The HMAC hash functions webhook platforms sign with, by the names their documentation and options use. */
public enum HmacAlgorithm {
    /** HMAC-SHA1: 20 bytes. Legacy (GitHub's {@code X-Hub-Signature}); accept it only where a platform needs it. */
    SHA1("HmacSHA1", 20),
    /** HMAC-SHA256: 32 bytes, what nearly every platform uses. */
    SHA256("HmacSHA256", 32),
    /** HMAC-SHA512: 64 bytes. */
    SHA512("HmacSHA512", 64);

    private final String jcaName;
    private final int macBytes;

    HmacAlgorithm(String jcaName, int macBytes) {
        this.jcaName = jcaName;
        this.macBytes = macBytes;
    }

    /** The {@link javax.crypto.Mac} algorithm name, e.g. {@code HmacSHA256}. */
    public String jcaName() {
        return jcaName;
    }

    /** The length of one MAC in bytes. */
    public int macBytes() {
        return macBytes;
    }

    /** The lower-case name used in options and prefixes: {@code sha1}, {@code sha256}, {@code sha512}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every {@link #optionValue()}, in declaration order. */
    public static List<String> optionValues() {
        return Arrays.stream(values()).map(HmacAlgorithm::optionValue).toList();
    }

    /** The algorithm with this exact {@link #optionValue()}, if any. */
    public static Optional<HmacAlgorithm> fromOption(String value) {
        return Arrays.stream(values()).filter(a -> a.optionValue().equals(value)).findFirst();
    }
}
