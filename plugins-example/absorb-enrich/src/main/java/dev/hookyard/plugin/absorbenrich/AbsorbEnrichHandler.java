package dev.hookyard.plugin.absorbenrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Enriches one Absorb event and forwards it.
 *
 * <p>The forwarded body is the payload's own fields, then {@code user} (the user record) when the payload names a
 * user, then {@code course} when it names a course. A record Absorb answers 404 for is forwarded as {@code null}:
 * the event did happen (the user may have been deleted since), the downstream may still need it, and no retry
 * could make the record appear. A payload naming neither is forwarded as it is.
 *
 * <p>Outcomes: done once the forward target answers 2xx. 429 or 503 with {@code Retry-After} from Absorb or the
 * target is {@link Outcome#retryAfter}. Any other failure (5xx, other 4xx, timeouts) throws, so the host retries
 * the whole event. Events from another vendor, or bodies that are not a JSON object, are dropped with a reason:
 * that is a routing mistake to show in the dead letters, not something a retry can fix.
 *
 * <p>Thread-safe. A call the host interrupts (cancelled past its timeout) gives up whatever it waits for with
 * {@link InterruptedException}; the HTTP client and the token, shared by all calls, stay usable (see
 * {@link AbsorbApi}).
 */
final class AbsorbEnrichHandler implements Handler {

    /** The Absorb vendor module's id. */
    static final String ABSORB = "absorb";

    /** Sent with every forward, so the receiver can drop the duplicates that at-least-once delivery brings. */
    static final String DELIVERY_KEY_HEADER = "X-Hookyard-Delivery-Key";

    private final EnrichSettings settings;
    private final Clock clock;
    private final System.Logger logger;
    private final OutboundHttp http;
    private final AbsorbApi absorb;

    AbsorbEnrichHandler(EnrichSettings settings, HandlerContext context) {
        this.settings = settings;
        this.clock = context.clock();
        this.logger = context.logger();
        this.http = new OutboundHttp(settings.timeout(), "hookyard-" + context.name() + "-");
        this.absorb = new AbsorbApi(settings.baseUrl(), settings.credentials(), http, clock);
    }

    @Override
    public Outcome handle(WebhookEvent event) throws IOException, InterruptedException {
        if (!ABSORB.equals(event.vendor())) {
            return Outcome.drop("not an Absorb event (vendor " + event.vendor() + "); route only Absorb endpoints"
                    + " to absorb-enrich");
        }
        Optional<LeanEvent> read = LeanEvent.read(event.delivery().body());
        if (read.isEmpty()) {
            return Outcome.drop("the body is not a JSON object");
        }
        LeanEvent lean = read.get();
        try {
            ObjectNode enriched = lean.fields().deepCopy();
            if (lean.userId() != null) {
                enriched.set("user", orNull(absorb.user(lean.userId()), "user", lean, event));
            }
            if (lean.courseId() != null) {
                enriched.set("course", orNull(absorb.course(lean.courseId()), "course", lean, event));
            }
            forward(event, enriched);
            return Outcome.done();
        } catch (ThrottledException e) {
            logger.log(System.Logger.Level.INFO, () -> e.getMessage() + "; retrying after "
                    + e.delay().toSeconds() + "s");
            return Outcome.retryAfter(e.delay());
        }
    }

    private JsonNode orNull(Optional<JsonNode> record, String what, LeanEvent lean, WebhookEvent event) {
        if (record.isEmpty()) {
            // Absorb's own names, as the operator would search for them in Absorb's admin UI.
            logger.log(System.Logger.Level.WARNING, () -> "Absorb has no " + what + " for "
                    + Objects.requireNonNullElse(lean.eventName(), event.type()) + " (correlation id "
                    + Objects.requireNonNullElse(lean.correlationId(), "none") + "); forwarding it with " + what
                    + ": null");
        }
        return record.orElse(NullNode.getInstance());
    }

    private void forward(WebhookEvent event, ObjectNode enriched) throws IOException, InterruptedException {
        String call = "POST to " + settings.forwardUrl();
        HttpAnswer answer = http.send(HttpRequest.newBuilder(settings.forwardUrl().uri())
                .header("Content-Type", "application/json")
                .header(DELIVERY_KEY_HEADER, headerSafe(event.deliveryKey()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(EnrichJson.write(enriched))), call);
        if (!answer.isSuccess()) {
            throw answer.failure(call, clock.instant());
        }
        logger.log(System.Logger.Level.DEBUG, () -> "forwarded " + event.type() + " (" + event.deliveryKey()
                + ") to " + settings.forwardUrl() + ": " + answer.status());
    }

    /** Delivery keys can come from a payload: nothing but printable ASCII reaches a header. */
    private static String headerSafe(String value) {
        return value.replaceAll("[^\\x20-\\x7E]", "?");
    }

    @Override
    public void close() {
        http.close();
    }
}
