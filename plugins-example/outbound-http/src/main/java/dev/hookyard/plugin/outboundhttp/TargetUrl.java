package dev.hookyard.plugin.outboundhttp;

import dev.hookyard.spi.InvalidOptionException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A checked http(s) URL to call. Its value never appears in a message, since such URLs are often credentials (a
 * Slack, Zapier or Make hook URL carries its secret in the path): messages name its {@link #origin()} instead.
 *
 * @param uri the URL
 */
public record TargetUrl(URI uri) {

    /**
     * Parses and checks a URL option.
     *
     * @param credentialsFix how to send credentials instead of {@code user:password@} in the URL, for the message
     * @throws InvalidOptionException naming {@code key} if it is not an absolute http or https URL with a host
     */
    public static TargetUrl parse(String key, String value, String credentialsFix) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new InvalidOptionException(key, "is not a valid URL",
                    "write " + key + ": https://host/path, with special characters percent-encoded");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidOptionException(key, "must be an http or https URL",
                    "write " + key + ": https://host/path");
        }
        if (uri.getHost() == null) {
            throw new InvalidOptionException(key, "has no host name", "write " + key + ": https://host/path");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidOptionException(key, "must not contain user:password@ (it is not sent)", credentialsFix);
        }
        return new TargetUrl(uri);
    }

    /**
     * This URL with {@code path} appended after a {@code /}, e.g. base {@code https://rest.myabsorb.com/} and
     * {@code users/42} give {@code https://rest.myabsorb.com/users/42}.
     *
     * @param path already percent-encoded
     */
    public URI append(String path) {
        String base = uri.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    /** {@code scheme://host[:port]}: names the target in logs and errors without its secret path or query. */
    public String origin() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The origin only, never the full URL. */
    @Override
    public String toString() {
        return origin();
    }
}
