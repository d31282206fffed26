package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;
import dev.hookyard.vendor.support.DurationOption;
import dev.hookyard.vendor.support.HmacAlgorithm;
import dev.hookyard.vendor.support.MacEncoding;
import dev.hookyard.vendor.support.MacFormat;
import dev.hookyard.vendor.support.TimestampTolerance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The options of a {@code vendor: hmac} endpoint: what they are, and how they are read into {@link HmacSettings}.
 * Every value is checked, and so is every combination that could never verify or parse a genuine delivery (a signed
 * content without a timestamp header, a key inside the type's field, ...): such an endpoint fails at startup with
 * an {@link InvalidOptionException} naming the key and the fix, rather than refusing every delivery later.
 */
final class HmacOptions {

    static final String HEADER = "header";
    static final String ALGORITHM = "algorithm";
    static final String ENCODING = "encoding";
    static final String PREFIX = "prefix";
    static final String TIMESTAMP_HEADER = "timestampHeader";
    static final String SIGNED_CONTENT = "signedContent";
    static final String TOLERANCE = "tolerance";
    static final String TYPE = "type";
    static final String KEY = "key";
    static final String EVENT_TYPES = "eventTypes";

    static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final Duration MIN_TOLERANCE = Duration.ofSeconds(1);
    private static final Duration MAX_TOLERANCE = Duration.ofDays(7);
    private static final int MAX_PREFIX_CHARS = 32;

    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.required(HEADER, "the header that carries the signature, e.g. X-Signature"),
            OptionSpec.optional(ALGORITHM, "the HMAC's hash function: sha1, sha256 or sha512; default sha256"),
            OptionSpec.optional(ENCODING, "how the MAC is written: hex or base64; default hex"),
            OptionSpec.optional(PREFIX, "text before the MAC in the header, e.g. sha256=; default none"),
            OptionSpec.optional(TIMESTAMP_HEADER, "the header with a signed timestamp (whole seconds since the Unix"
                    + " epoch); default none: the MAC is over the body alone"),
            OptionSpec.optional(SIGNED_CONTENT, "with timestampHeader: what is signed, {timestamp} and {body} with"
                    + " text around them; default {timestamp}.{body}"),
            OptionSpec.optional(TOLERANCE, "with timestampHeader: how far the timestamp may lie from now, either way,"
                    + " e.g. 300s or 5m; default 5m"),
            OptionSpec.required(TYPE, "where the event type is: a JSON pointer into the body (/event) or a header"
                    + " (header:X-Event-Type)"),
            OptionSpec.optional(KEY, "where the delivery id is, to recognise re-deliveries: a JSON pointer (/id) or a"
                    + " header (header:X-Delivery-Id); default: the SHA-256 of the body"),
            OptionSpec.optional(EVENT_TYPES, "the event types the platform sends, so that routes may name them and"
                    + " send has a sample of each; default: one test type, hookyard.test"));

    private HmacOptions() {
    }

    /** The endpoint's settings; throws {@link InvalidOptionException} for the first problem found. */
    static HmacSettings read(Options options) {
        String header = headerName(options, HEADER, options.requiredString(HEADER));
        HmacAlgorithm algorithm = HmacAlgorithm.fromOption(options.oneOf(ALGORITHM, HmacAlgorithm.optionValues(),
                HmacAlgorithm.SHA256.optionValue())).orElseThrow();
        MacEncoding encoding = MacEncoding.fromOption(options.oneOf(ENCODING, MacEncoding.optionValues(),
                MacEncoding.HEX.optionValue())).orElseThrow();
        MacFormat format = new MacFormat(prefix(options), encoding, algorithm.macBytes());
        Timestamping timestamping = timestamping(options, header);
        FieldSource type = FieldSource.parse(TYPE, options.requiredString(TYPE), "/event");
        FieldSource key = options.string(KEY).map(value -> FieldSource.parse(KEY, value, "/id")).orElse(null);
        checkSources(type, key, header, timestamping);
        return new HmacSettings(header, algorithm, format, timestamping, type, key, eventTypes(options));
    }

    private static String headerName(Options options, String key, String name) {
        if (!HeaderNames.isValid(name)) {
            throw new InvalidOptionException(key, "is not a valid header name (1 to " + HeaderNames.MAX_LENGTH
                    + " letters, digits and - _ . ! # $ % & ' * + ^ ` | ~)", "write the header's name as the"
                    + " platform documents it, e.g. " + key + ": X-Signature");
        }
        return name;
    }

    private static String prefix(Options options) {
        String prefix = options.string(PREFIX).orElse("");
        boolean visibleAscii = prefix.chars().allMatch(c -> c > 0x20 && c < 0x7F);
        if (prefix.length() > MAX_PREFIX_CHARS || !visibleAscii) {
            throw new InvalidOptionException(PREFIX, "must be up to " + MAX_PREFIX_CHARS + " printable ASCII"
                    + " characters without spaces", "write the text the platform puts before the MAC, e.g. "
                    + PREFIX + ": \"sha256=\"");
        }
        return prefix;
    }

    private static Timestamping timestamping(Options options, String signatureHeader) {
        if (!options.has(TIMESTAMP_HEADER)) {
            for (String dependent : List.of(SIGNED_CONTENT, TOLERANCE)) {
                if (options.has(dependent)) {
                    throw new InvalidOptionException(dependent, "applies only to a signed timestamp, and"
                            + " timestampHeader is not set", "add timestampHeader: <the header with the timestamp>,"
                            + " or remove " + dependent + " if the platform signs the body alone");
                }
            }
            return null;
        }
        String header = headerName(options, TIMESTAMP_HEADER, options.requiredString(TIMESTAMP_HEADER));
        if (header.equalsIgnoreCase(signatureHeader)) {
            throw new InvalidOptionException(TIMESTAMP_HEADER, "is the signature header itself",
                    "set timestampHeader to the header that carries the timestamp alone");
        }
        SignedContent content = SignedContent.parse(SIGNED_CONTENT,
                options.string(SIGNED_CONTENT).orElse(SignedContent.DEFAULT_TEMPLATE));
        Duration tolerance = DurationOption.read(options, TOLERANCE, DEFAULT_TOLERANCE, MIN_TOLERANCE, MAX_TOLERANCE);
        return new Timestamping(header, content, new TimestampTolerance(tolerance, tolerance));
    }

    /** Type and key must be readable side by side, and never from a header that carries the signature or time. */
    private static void checkSources(FieldSource type, FieldSource key, String header, Timestamping timestamping) {
        Set<String> taken = new HashSet<>(List.of(header.toLowerCase(Locale.ROOT)));
        if (timestamping != null) {
            taken.add(timestamping.header().toLowerCase(Locale.ROOT));
        }
        notTaken(TYPE, type, taken, "event type");
        notTaken(KEY, key, taken, "delivery id");
        if (type instanceof FieldSource.HeaderField typeHeader && key instanceof FieldSource.HeaderField keyHeader
                && typeHeader.name().equalsIgnoreCase(keyHeader.name())) {
            throw new InvalidOptionException(KEY, "is the same header as type", "name the header that carries the"
                    + " delivery id, or remove key to key deliveries by the SHA-256 of the body");
        }
        if (type instanceof FieldSource.BodyField typeField && key instanceof FieldSource.BodyField keyField
                && typeField.overlaps(keyField)) {
            throw new InvalidOptionException(KEY, "points at the same field as type, or inside it, or around it"
                    + " (" + keyField.text() + " and " + typeField.text() + ")", "point key and type at two"
                    + " different fields, e.g. type: /type and key: /id");
        }
    }

    private static void notTaken(String option, FieldSource source, Set<String> taken, String what) {
        if (!(source instanceof FieldSource.HeaderField field)) {
            return;
        }
        String name = field.name().toLowerCase(Locale.ROOT);
        if (taken.contains(name)) {
            throw new InvalidOptionException(option, "names the signature or timestamp header",
                    "name the header that carries the " + what);
        }
        // The host masks credential headers before parsing (CredentialHeaders): the parser would only ever see ****.
        if (CredentialHeaders.DEFAULT.isCredential(name)) {
            throw new InvalidOptionException(option, "names a header whose value Hookyard masks as **** before"
                    + " parsing (names matching " + String.join(", ", CredentialHeaders.BUILT_IN_PATTERNS)
                    + "), so every delivery would read the same " + what, "point " + option + " at the"
                    + " field of the body that holds the " + what + ", or at another header");
        }
    }

    private static List<String> eventTypes(Options options) {
        List<String> types = options.stringList(EVENT_TYPES);
        Set<String> seen = new HashSet<>();
        List<String> checked = new ArrayList<>();
        for (String type : types) {
            if (!EventTypeText.isValid(type)) {
                throw new InvalidOptionException(EVENT_TYPES, "holds a name that is not an event type ("
                        + EventTypeText.DESCRIPTION + ", no space at either end)", "list the platform's event"
                        + " types as it sends them, e.g. eventTypes: [order.created, order.paid]");
            }
            if (!seen.add(type)) {
                throw new InvalidOptionException(EVENT_TYPES, "lists " + type + " twice", "list each type once");
            }
            checked.add(type);
        }
        return checked;
    }
}
