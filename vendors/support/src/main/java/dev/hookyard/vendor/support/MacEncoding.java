package dev.hookyard.vendor.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a platform writes MAC bytes in a header. */
public enum MacEncoding {
    /** Hexadecimal: written in lower case, read in any case (ASCII digits only, see {@link AsciiHex}). */
    HEX,
    /** Standard base64: written padded, read padded or not, canonical only (see {@link CanonicalBase64}). */
    BASE64;

    /** The lower-case name used in options: {@code hex}, {@code base64}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every {@link #optionValue()}, in declaration order. */
    public static List<String> optionValues() {
        return Arrays.stream(values()).map(MacEncoding::optionValue).toList();
    }

    /** The encoding with this exact {@link #optionValue()}, if any. */
    public static Optional<MacEncoding> fromOption(String value) {
        return Arrays.stream(values()).filter(e -> e.optionValue().equals(value)).findFirst();
    }
}
