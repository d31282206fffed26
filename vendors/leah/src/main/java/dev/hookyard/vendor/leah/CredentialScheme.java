package dev.hookyard.vendor.leah;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code Authorization} schemes an endpoint accepts (option {@code scheme}). Leah is set up per webhook with
 * either Basic or Bearer authentication; {@link #EITHER} lets one endpoint take both, e.g. while switching.
 */
enum CredentialScheme {
    /** {@code Basic base64(user:password)} only; every secret of the keyring must be a {@code user:password}. */
    BASIC,
    /** {@code Bearer <token>} only; every secret is a token. */
    BEARER,
    /** Both: Basic matches the {@code user:password} secrets, Bearer matches any secret. */
    EITHER;

    boolean acceptsBasic() {
        return this != BEARER;
    }

    boolean acceptsBearer() {
        return this != BASIC;
    }

    /** The value of the {@code scheme} option that selects this. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> optionValues() {
        return Arrays.stream(values()).map(CredentialScheme::optionValue).toList();
    }

    /** The scheme an (already validated) option value names. */
    static CredentialScheme fromOption(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
