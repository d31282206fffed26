package dev.hookyard.vendor.leah;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;

import java.util.List;
import java.util.Objects;

/**
 * Verifies the static credential Leah sends in {@code Authorization}: {@code Basic base64(user:password)} or
 * {@code Bearer <token>}, against every secret of the endpoint's keyring (any match verifies, so credentials can be
 * rotated). Leah signs nothing about the body: this proves who sent a delivery only because Leah delivers over HTTPS
 * alone, so the credential cannot be read off the wire.
 *
 * <p>Lenient where senders differ harmlessly: the header name and the scheme name in any (ASCII) case, surrounding
 * whitespace, several spaces after the scheme. Strict elsewhere: the header sent twice is {@link
 * RejectionReason#AMBIGUOUS}; Basic credentials must be canonical base64 of UTF-8 {@code user:password}.
 *
 * <p>Which secrets a credential is compared with depends on the endpoint's {@link CredentialScheme}: a Basic
 * {@code user:password} only with the secrets of that form, a Bearer token with every secret. Each comparison is
 * {@link Secret#matches(String)}, constant-time over SHA-256 of both sides, with user and password compared together
 * so that the time taken says nothing about which part was wrong.
 *
 * <p>Never throws; rejection details name only what was wrong, never a credential, a secret or the presented value.
 * Thread-safe.
 */
final class AuthorizationHeaderVerifier implements Verifier {

    static final String HEADER = "Authorization";
    static final String BASIC = "Basic";
    static final String BEARER = "Bearer";

    /**
     * Far longer than any real credential. Longer values are refused before decoding, which bounds the work a
     * hostile header can cause.
     */
    static final int MAX_VALUE_CHARS = 8 * 1024;

    private final CredentialScheme accepted;
    private final List<Secret> secrets;
    private final List<Secret> userPasswords;

    AuthorizationHeaderVerifier(CredentialScheme accepted, Keyring keyring) {
        this.accepted = Objects.requireNonNull(accepted, "accepted");
        this.secrets = keyring.secrets();
        this.userPasswords = secrets.stream().filter(s -> BasicCredentials.isUserPassword(s.reveal())).toList();
    }

    @Override
    public Verification verify(Delivery delivery) {
        if (secrets.isEmpty()) {
            return Verification.rejected(RejectionReason.NO_ACTIVE_SECRET, "the endpoint has no active credential");
        }
        List<String> values = delivery.headers().all(HEADER);
        if (values.isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, "no " + HEADER + " header");
        }
        if (values.size() > 1) {
            return Verification.rejected(RejectionReason.AMBIGUOUS,
                    HEADER + " is present " + values.size() + " times; exactly one is allowed");
        }
        String value = stripWhitespace(values.get(0));
        if (value.isEmpty()) {
            return Verification.rejected(RejectionReason.MISSING, HEADER + " is empty");
        }
        if (value.length() > MAX_VALUE_CHARS) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    HEADER + " is longer than " + MAX_VALUE_CHARS + " characters");
        }
        AuthorizationValue parsed = AuthorizationValue.parse(value);
        if (parsed == null) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    HEADER + " is not a scheme name followed by credentials");
        }
        if (parsed.isScheme(BASIC)) {
            return basic(parsed.credentials());
        }
        if (parsed.isScheme(BEARER)) {
            return bearer(parsed.credentials());
        }
        return Verification.rejected(RejectionReason.UNSUPPORTED_SCHEME,
                HEADER + " uses a scheme other than Basic or Bearer");
    }

    private Verification basic(String credentials) {
        if (!accepted.acceptsBasic()) {
            return Verification.rejected(RejectionReason.UNSUPPORTED_SCHEME,
                    "Basic credentials, but this endpoint accepts Bearer only");
        }
        if (credentials.isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED, "Basic without credentials");
        }
        String userPassword = BasicCredentials.decode(credentials);
        if (userPassword == null) {
            return Verification.rejected(RejectionReason.MALFORMED,
                    "Basic credentials are not base64 of UTF-8 user:password");
        }
        if (userPasswords.isEmpty()) {
            return Verification.rejected(RejectionReason.MISMATCH,
                    "Basic credentials, but no active secret is a user:password");
        }
        return matchesAny(userPasswords, userPassword) ? Verification.verified(HEADER + " " + BASIC)
                : Verification.rejected(RejectionReason.MISMATCH, "Basic credentials match no active user:password");
    }

    private Verification bearer(String token) {
        if (!accepted.acceptsBearer()) {
            return Verification.rejected(RejectionReason.UNSUPPORTED_SCHEME,
                    "Bearer token, but this endpoint accepts Basic only");
        }
        if (token.isEmpty()) {
            return Verification.rejected(RejectionReason.MALFORMED, "Bearer without a token");
        }
        return matchesAny(secrets, token) ? Verification.verified(HEADER + " " + BEARER)
                : Verification.rejected(RejectionReason.MISMATCH, "Bearer token matches no active secret");
    }

    /**
     * Compares with every candidate, without stopping at the first match, so the time taken does not depend on which
     * secret of the keyring matched.
     */
    private static boolean matchesAny(List<Secret> candidates, String presented) {
        boolean matched = false;
        for (Secret candidate : candidates) {
            matched |= candidate.matches(presented);
        }
        return matched;
    }

    /** Strips HTTP's optional whitespace (space and tab) only; anything else is part of the value. */
    private static String stripWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
