package dev.hookyard.plugin.httpforward;

import dev.hookyard.plugin.outboundhttp.TargetUrl;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One handler's checked options.
 *
 * @param url       where to POST
 * @param format    how the body is built
 * @param headers   the extra header templates, in configuration order
 * @param signature the signing key and header, if signing is on
 * @param timeout   the connect timeout and the response timeout
 */
record ForwardSettings(TargetUrl url, BodyFormat format, List<HeaderTemplate> headers,
                       Optional<BodySignature> signature, Duration timeout) {

    static final String URL = "url";
    static final String FORMAT = "format";
    static final String TEXT = "text";
    static final String HEADERS = "headers";
    static final String SIGNING_SECRET = "signingSecret";
    static final String SIGNATURE_HEADER = "signatureHeader";
    static final String TIMEOUT_SECONDS = "timeoutSeconds";

    static final String DEFAULT_TEXT = "{{vendor}} event {{type}} received on {{endpoint}} (delivery {{deliveryKey}})";
    static final String DEFAULT_SIGNATURE_HEADER = "X-Hookyard-Signature";
    static final long DEFAULT_TIMEOUT_SECONDS = 10;

    ForwardSettings {
        headers = List.copyOf(headers);
    }

    /** Reads and checks the options; every problem is an {@link InvalidOptionException} naming the key. */
    static ForwardSettings from(Options options) {
        TargetUrl url = TargetUrl.parse(URL, options.requiredString(URL),
                "send credentials with a header instead, e.g. headers: {Authorization: ...}");
        BodyFormat format = format(options);
        Optional<BodySignature> signature = signature(options);
        Set<String> reserved = signature.map(s -> Set.of(lower(HttpForwardHandler.DELIVERY_KEY_HEADER),
                lower(s.headerName()))).orElse(Set.of(lower(HttpForwardHandler.DELIVERY_KEY_HEADER)));
        List<HeaderTemplate> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : options.stringMap(HEADERS).entrySet()) {
            headers.add(HeaderTemplate.parse(HEADERS, header.getKey(), header.getValue(), reserved));
        }
        Duration timeout = Duration.ofSeconds(
                options.longValue(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS, 1, 300));
        return new ForwardSettings(url, format, headers, signature, timeout);
    }

    private static BodyFormat format(Options options) {
        String name = options.oneOf(FORMAT, List.of("raw", "envelope", "slack"), "raw");
        if (!name.equals("slack") && options.has(TEXT)) {
            throw new InvalidOptionException(TEXT, "is only used with format: slack",
                    "remove " + TEXT + ", or set " + FORMAT + ": slack");
        }
        return switch (name) {
            case "envelope" -> new EnvelopeBody();
            case "slack" -> new SlackMessageBody(EventTemplate.parse(TEXT, options.string(TEXT).orElse(DEFAULT_TEXT)));
            default -> new RawBody();
        };
    }

    private static Optional<BodySignature> signature(Options options) {
        Optional<String> secret = options.string(SIGNING_SECRET);
        if (secret.isEmpty()) {
            if (options.has(SIGNATURE_HEADER)) {
                throw new InvalidOptionException(SIGNATURE_HEADER, "has no effect without " + SIGNING_SECRET,
                        "add " + SIGNING_SECRET + ", or remove " + SIGNATURE_HEADER);
            }
            return Optional.empty();
        }
        if (secret.get().isBlank()) {
            // Typically an ${env:...} reference to an unset variable: signing with an empty key would look signed.
            throw new InvalidOptionException(SIGNING_SECRET, "is empty",
                    "give it a long random value, or remove it to send unsigned requests");
        }
        String headerName = options.string(SIGNATURE_HEADER).orElse(DEFAULT_SIGNATURE_HEADER);
        HeaderTemplate.checkName(SIGNATURE_HEADER, headerName);
        if (lower(headerName).equals(lower(HttpForwardHandler.DELIVERY_KEY_HEADER))) {
            throw new InvalidOptionException(SIGNATURE_HEADER, "names the header that carries the delivery key",
                    "use another name, e.g. " + DEFAULT_SIGNATURE_HEADER);
        }
        return Optional.of(new BodySignature(headerName, Secret.of(secret.get())));
    }

    private static String lower(String headerName) {
        return headerName.toLowerCase(Locale.ROOT);
    }
}
