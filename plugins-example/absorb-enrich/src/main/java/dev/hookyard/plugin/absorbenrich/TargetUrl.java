package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.spi.InvalidOptionException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A checked http(s) URL to call. Its value never appears in a message, since a forward URL (a Zapier or Make catch
 * hook) is a credential: messages name its {@link #origin()} instead.
 *
 * <p>The same as http-forward's: each example plugin ships alone, without a shared library to keep in step.
 *
 * @param uri the URL
 */
record TargetUrl(URI uri) {

    /**
     * Parses and checks a URL option.
     *
     * @throws InvalidOptionException naming {@code key} if it is not an absolute http or https URL with a host
     */
    static TargetUrl parse(String key, String value) {
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
            throw new InvalidOptionException(key, "must not contain user:password@ (it is not sent)",
                    "remove user:password@ from " + key);
        }
        return new TargetUrl(uri);
    }

    /**
     * This URL with {@code path} appended after a {@code /}, e.g. base {@code https://rest.myabsorb.com/} and
     * {@code users/42} give {@code https://rest.myabsorb.com/users/42}.
     *
     * @param path already percent-encoded
     */
    URI append(String path) {
        String base = uri.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    /** {@code scheme://host[:port]}: names the target in logs and errors without its secret path or query. */
    String origin() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The origin only, never the full URL. */
    @Override
    public String toString() {
        return origin();
    }
}
