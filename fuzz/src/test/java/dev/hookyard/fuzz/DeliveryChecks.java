package dev.hookyard.fuzz;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.WebhookEvent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The contract every vendor's verifier and parser must keep for any input (see {@link dev.hookyard.spi.Verifier} and
 * {@link dev.hookyard.spi.Parser}), checked on one delivery. A broken check throws {@link AssertionError}, which
 * Jazzer reports as a finding (and so does an exception thrown by the code under test).
 */
final class DeliveryChecks {

    /** Longer than any fixed reason text; a longer one is echoing something. */
    private static final int MAX_REASON_CHARS = 300;

    private DeliveryChecks() {
    }

    /**
     * Verifies a delivery of unknown event type, checks the answer against the {@link Authenticity} reference, and
     * returns it. Never returns null.
     */
    static Verification verify(FuzzEndpoint endpoint, Vendor vendor, Delivery delivery) {
        return verify(endpoint, vendor, delivery, null);
    }

    /** As {@link #verify(FuzzEndpoint, Vendor, Delivery)}, for a delivery signed for {@code eventType}. */
    static Verification verify(FuzzEndpoint endpoint, Vendor vendor, Delivery delivery, String eventType) {
        Verification verification = vendor.verifier().verify(delivery);
        if (verification == null) {
            throw new AssertionError(endpoint.label() + ": the verifier returned null");
        }
        Authenticity.Verdict verdict = Authenticity.classify(endpoint, vendor, delivery.headers(), delivery.body(),
                eventType, delivery.receivedAt());
        if (verification instanceof Verification.Rejected rejected) {
            if (verdict == Authenticity.Verdict.GENUINE) {
                throw new AssertionError(endpoint.label() + ": a delivery whose headers are exactly the signer's"
                        + " output with an active secret was rejected: " + rejected.reason() + " " + rejected.detail());
            }
            checkNoSecretIn(endpoint, delivery, "rejection detail", rejected.detail());
        } else if (verdict == Authenticity.Verdict.FORGED) {
            throw new AssertionError(endpoint.label() + ": VERIFIED A FORGERY (" + verification + "): no header"
                    + " carries the body's MAC or an active credential (for a vendor that signs a timestamp: over a"
                    + " timestamp within the tolerance); headers " + delivery.headers().toMap());
        }
        return verification;
    }

    /** Parses (whatever the verification said: a parser must cope with any bytes) and checks the result. */
    static ParseResult parse(FuzzEndpoint endpoint, Vendor vendor, Delivery delivery) {
        ParseResult result = vendor.parser().parse(delivery);
        if (result == null) {
            throw new AssertionError(endpoint.label() + ": the parser returned null");
        }
        if (result instanceof ParseResult.Malformed malformed) {
            String reason = malformed.reason();
            if (reason.length() > MAX_REASON_CHARS) {
                throw new AssertionError(endpoint.label() + ": a malformed reason of " + reason.length()
                        + " characters echoes something: " + reason.substring(0, 120) + "...");
            }
            String body = delivery.bodyText();
            if (body.length() >= 16 && reason.contains(body)) {
                throw new AssertionError(endpoint.label() + ": the malformed reason echoes the body: " + reason);
            }
            checkNoSecretIn(endpoint, delivery, "malformed reason", reason);
            return result;
        }
        WebhookEvent event = ((ParseResult.Parsed) result).event();
        if (!endpoint.factory().id().equals(event.vendor())) {
            throw new AssertionError(endpoint.label() + ": event vendor " + event.vendor());
        }
        if (event.type() == null || event.type().isBlank()) {
            throw new AssertionError(endpoint.label() + ": blank event type");
        }
        if (event.deliveryKey() == null || event.deliveryKey().isBlank() || event.deliveryKey().length() > 256) {
            throw new AssertionError(endpoint.label() + ": delivery key must be non-blank and bounded: "
                    + (event.deliveryKey() == null ? null : event.deliveryKey().length()));
        }
        if (!delivery.equals(event.delivery())) {
            throw new AssertionError(endpoint.label() + ": the event does not keep its delivery");
        }
        ParseResult again = vendor.parser().parse(delivery);
        if (!(again instanceof ParseResult.Parsed parsedAgain)
                || !parsedAgain.event().deliveryKey().equals(event.deliveryKey())
                || !parsedAgain.event().type().equals(event.type())
                || parsedAgain.event().getClass() != event.getClass()) {
            throw new AssertionError(endpoint.label() + ": parsing the same delivery twice differs");
        }
        return result;
    }

    /** No secret, and no MAC of the body under any secret, in a text that reaches logs or a response. */
    static void checkNoSecretIn(FuzzEndpoint endpoint, Delivery delivery, String what, String text) {
        byte[] body = delivery.body();
        for (String secret : endpoint.allSecrets()) {
            List<String> forms = new ArrayList<>(List.of(secret, Base64.getEncoder().encodeToString(secret.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8))));
            List<byte[]> macs = new ArrayList<>(List.of(Authenticity.hmac(secret, body)));
            if (endpoint.proof() instanceof MacReference reference) {
                macs.addAll(reference.macs(List.of(secret), delivery.headers(), body));
            }
            for (byte[] mac : macs) {
                forms.add(HexFormat.of().formatHex(mac));
                forms.add(Base64.getEncoder().withoutPadding().encodeToString(mac));
            }
            for (String form : forms) {
                if (text.contains(form)) {
                    throw new AssertionError(endpoint.label() + ": the " + what + " contains a secret or an"
                            + " expected MAC: " + text);
                }
            }
        }
    }
}
