package dev.hookyard.testkit;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small but correct vendor (hex HMAC-SHA256 in {@code X-Ref-Signature}, body {@code {"event":"..."}}) with
 * switches that break it in the ways the conformance suite must catch.
 */
final class HmacReferenceVendor implements Vendor {

    /** Ways to break the vendor; the correct one has none. */
    enum Flaw { NONE, IGNORES_BODY, THROWS_ON_GARBAGE, ONLY_FIRST_SECRET, PARSES_ANYTHING, LAST_DUPLICATE_WINS }

    private static final Pattern ENVELOPE = Pattern.compile("\\{\"event\":\"([a-z.]+)\"(,\"id\":[0-9]+)?}");
    /** The envelope as a lenient JSON reader takes it: members in any number, a repeated key's last value winning. */
    private static final Pattern LENIENT_ENVELOPE =
            Pattern.compile("\\{\"(event|id)\":(\"[a-z.]+\"|[0-9]+)(,\"(event|id)\":(\"[a-z.]+\"|[0-9]+))*}");
    private static final Pattern EVENT_MEMBER = Pattern.compile("\"event\":\"([a-z.]+)\"");
    private static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType("ref.one", "First reference event.", GenericEvent.class, "{\"event\":\"ref.one\",\"id\":1}"),
            new EventType("ref.two", "Second reference event.", GenericEvent.class, "{\"event\":\"ref.two\"}")));

    private final Keyring keyring;
    private final Flaw flaw;

    HmacReferenceVendor(Keyring keyring, Flaw flaw) {
        this.keyring = keyring;
        this.flaw = flaw;
    }

    static VendorFactory factory(Flaw flaw) {
        return factory("ref", "Reference vendor for the suite's own tests",
                keyring -> new HmacReferenceVendor(keyring, flaw));
    }

    /** A factory of the suite's reference vendors: an id, a description, and the vendor for an endpoint's keyring. */
    static VendorFactory factory(String id, String description, Function<Keyring, Vendor> build) {
        return new VendorFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Vendor create(VendorContext context) {
                return build.apply(context.keyring());
            }
        };
    }

    static byte[] mac(Secret secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.utf8(), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Verifier verifier() {
        return delivery -> {
            String value = delivery.headers().first("X-Ref-Signature").map(String::trim).orElse("");
            if (flaw == Flaw.THROWS_ON_GARBAGE) {
                return verify(delivery, HexFormat.of().parseHex(value)); // throws on non-hex
            }
            if (value.isEmpty()) {
                return Verification.rejected(RejectionReason.MISSING, "no X-Ref-Signature");
            }
            if (!value.matches("[0-9a-f]{64}")) {
                return Verification.rejected(RejectionReason.MALFORMED, "not 64 hex digits");
            }
            return verify(delivery, HexFormat.of().parseHex(value));
        };
    }

    private Verification verify(Delivery delivery, byte[] presented) {
        List<Secret> secrets = flaw == Flaw.ONLY_FIRST_SECRET ? keyring.secrets().subList(0,
                Math.min(1, keyring.secrets().size())) : keyring.secrets();
        byte[] body = flaw == Flaw.IGNORES_BODY ? new byte[0] : delivery.body();
        for (Secret secret : secrets) {
            if (MessageDigest.isEqual(mac(secret, body), presented)) {
                return Verification.verified("X-Ref-Signature");
            }
        }
        return Verification.rejected(RejectionReason.MISMATCH, "no active secret matches");
    }

    @Override
    public Parser parser() {
        return delivery -> {
            if (flaw == Flaw.LAST_DUPLICATE_WINS && LENIENT_ENVELOPE.matcher(delivery.bodyText()).matches()) {
                Matcher member = EVENT_MEMBER.matcher(delivery.bodyText());
                String type = null;
                while (member.find()) {
                    type = member.group(1);
                }
                if (type != null) {
                    return ParseResult.parsed(new GenericEvent("ref", type, delivery.bodySha256(), delivery));
                }
            }
            Matcher matcher = ENVELOPE.matcher(delivery.bodyText());
            if (!matcher.matches()) {
                if (flaw == Flaw.PARSES_ANYTHING) {
                    return ParseResult.parsed(new GenericEvent("ref", "unknown", delivery.bodySha256(), delivery));
                }
                return ParseResult.malformed("not the reference envelope");
            }
            return ParseResult.parsed(new GenericEvent("ref", matcher.group(1), delivery.bodySha256(), delivery));
        };
    }

    @Override
    public EventCatalog catalog() {
        return CATALOG;
    }

    @Override
    public Signer signer() {
        return (body, secret) -> Map.of("X-Ref-Signature", HexFormat.of().formatHex(mac(secret,
                flaw == Flaw.IGNORES_BODY ? new byte[0] : body)));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
