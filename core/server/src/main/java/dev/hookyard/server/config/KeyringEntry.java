package dev.hookyard.server.config;

import dev.hookyard.spi.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configured secret of an endpoint, with the instant after which it no longer verifies (for rotation), if any.
 *
 * @param secret    the secret
 * @param notAfter  the last instant at which it verifies, or null if it does not expire
 * @param reference where the value comes from, safe to show: the {@code ${env:NAME}} or {@code ${file:PATH}}
 *                  references as written, or {@link #LITERAL}; never the value
 */
public record KeyringEntry(Secret secret, Instant notAfter, String reference) {

    /** The reference of a secret written literally in the configuration file. */
    public static final String LITERAL = "(literal value in the file)";
    private static final Pattern REFERENCES = Pattern.compile("\\$\\{(env|file):[^}]{1,256}}");

    public KeyringEntry {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(reference, "reference");
    }

    /** A secret with no reference to show. */
    public KeyringEntry(Secret secret, Instant notAfter) {
        this(secret, notAfter, LITERAL);
    }

    /**
     * The references in a configured value as written, joined; {@link #LITERAL} when it has none. A value that mixes
     * a reference with literal text shows only its references.
     */
    public static String referenceOf(String written) {
        Matcher matcher = REFERENCES.matcher(written);
        StringBuilder references = new StringBuilder();
        while (matcher.find()) {
            references.append(references.length() == 0 ? "" : " ").append(matcher.group());
        }
        return references.length() == 0 ? LITERAL : references.toString();
    }

    /** A secret that does not expire. */
    public static KeyringEntry of(Secret secret) {
        return new KeyringEntry(secret, null, LITERAL);
    }

    /** Whether it still verifies at {@code now}. */
    public boolean activeAt(Instant now) {
        return notAfter == null || !now.isAfter(notAfter);
    }
}
