package dev.hookyard.testkit;

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
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small but correct vendor of a platform that names the event type in a header its signature does not cover, as
 * GitHub does: hex HMAC-SHA256 of the body in {@code X-Ref-Signature}, the type in {@code X-Ref-Event}, any JSON
 * object as the body. With switches that break it in the ways the suite's unsigned-header check must catch.
 */
final class HeaderTypedReferenceVendor implements Vendor {

    static final String SIGNATURE = "X-Ref-Signature";
    static final String EVENT = "X-Ref-Event";

    /** Ways to break the vendor; the correct one has none. */
    enum Flaw { NONE, VERIFIER_REQUIRES_EVENT_HEADER, SIGNER_OMITS_EVENT_HEADER }

    private static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType("ref.one", "First reference event.", GenericEvent.class, "{\"id\":1}"),
            new EventType("ref.two", "Second reference event.", GenericEvent.class, "{\"id\":2}")));

    private final Keyring keyring;
    private final Flaw flaw;

    private HeaderTypedReferenceVendor(Keyring keyring, Flaw flaw) {
        this.keyring = keyring;
        this.flaw = flaw;
    }

    static VendorFactory factory(Flaw flaw) {
        return HmacReferenceVendor.factory("ref-typed", "Reference vendor with the event type in an unsigned header,"
                + " for the suite's own tests", keyring -> new HeaderTypedReferenceVendor(keyring, flaw));
    }

    @Override
    public Verifier verifier() {
        return delivery -> {
            if (flaw == Flaw.VERIFIER_REQUIRES_EVENT_HEADER && delivery.headers().first(EVENT).isEmpty()) {
                return Verification.rejected(RejectionReason.MISSING, "no " + EVENT);
            }
            List<String> values = delivery.headers().all(SIGNATURE);
            String value = values.size() == 1 ? values.get(0).trim() : "";
            if (!value.matches("[0-9a-f]{64}")) {
                return Verification.rejected(RejectionReason.MALFORMED, "not one value of 64 hex digits");
            }
            byte[] presented = HexFormat.of().parseHex(value);
            for (Secret secret : keyring.secrets()) {
                if (MessageDigest.isEqual(HmacReferenceVendor.mac(secret, delivery.body()), presented)) {
                    return Verification.verified(SIGNATURE);
                }
            }
            return Verification.rejected(RejectionReason.MISMATCH, "no active secret matches");
        };
    }

    @Override
    public Parser parser() {
        return delivery -> {
            List<String> types = delivery.headers().all(EVENT);
            if (types.size() != 1 || !types.get(0).matches("[a-z.]{1,20}")) {
                return ParseResult.malformed("not exactly one " + EVENT + " of up to 20 letters and dots");
            }
            if (!delivery.bodyText().matches("\\{\"id\":[0-9]+}")) {
                return ParseResult.malformed("not the reference envelope");
            }
            return ParseResult.parsed(new GenericEvent("ref-typed", types.get(0), delivery.bodySha256(), delivery));
        };
    }

    @Override
    public EventCatalog catalog() {
        return CATALOG;
    }

    @Override
    public Signer signer() {
        return new Signer() {
            @Override
            public Map<String, String> sign(byte[] body, Secret secret) {
                return Map.of(SIGNATURE, HexFormat.of().formatHex(HmacReferenceVendor.mac(secret, body)));
            }

            @Override
            public Map<String, String> sign(byte[] body, Secret secret, String eventType) {
                Map<String, String> headers = new LinkedHashMap<>(sign(body, secret));
                if (flaw != Flaw.SIGNER_OMITS_EVENT_HEADER) {
                    headers.put(EVENT, eventType);
                }
                return headers;
            }
        };
    }
}
