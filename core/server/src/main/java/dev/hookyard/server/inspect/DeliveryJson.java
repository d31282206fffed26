package dev.hookyard.server.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.server.store.DeliveryDetail;
import dev.hookyard.server.store.DeliveryPage;
import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.DeliverySummary;
import dev.hookyard.server.store.RunDetail;
import dev.hookyard.server.store.StoredDelivery;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The JSON shapes of the inspect commands ({@code --json}) and the management API, built as trees (no reflection,
 * so nothing needs opening to Jackson, and nothing is serialized that is not listed here). Headers are shown as
 * stored, with credentials already masked by the store.
 */
public final class DeliveryJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeliveryJson() {
    }

    public static ObjectNode page(DeliveryPage page) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode items = root.putArray("deliveries");
        page.deliveries().forEach(d -> items.add(summary(d)));
        if (page.next().isPresent()) {
            root.put("next", page.next().get());
        } else {
            root.putNull("next");
        }
        return root;
    }

    public static ObjectNode summary(DeliverySummary d) {
        ObjectNode node = delivery(d.id(), d.endpoint(), d.vendor(), d.eventType(), d.deliveryKey(), d.receivedAt(),
                d.status());
        node.put("bodyBytes", d.bodyBytes());
        ObjectNode runs = node.putObject("runs");
        d.runs().forEach((handler, status) -> runs.put(handler, status.code()));
        return node;
    }

    /** A delivery with headers, body (UTF-8 text, or base64 when it is not text) and runs. */
    public static ObjectNode detail(DeliveryDetail detail) {
        StoredDelivery d = detail.delivery();
        ObjectNode node = delivery(d.id(), d.endpoint(), d.vendor(), d.eventType(), d.deliveryKey(), d.receivedAt(),
                d.status());
        ObjectNode headers = node.putObject("headers");
        d.headers().toMap().forEach((name, values) -> {
            ArrayNode list = headers.putArray(name);
            values.forEach(list::add);
        });
        node.put("bodyBytes", d.body().length);
        Optional<String> text = text(d.body());
        node.put("bodyEncoding", text.isPresent() ? "utf-8" : "base64");
        node.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(d.body())));
        ArrayNode runs = node.putArray("runs");
        detail.runs().forEach(r -> runs.add(run(r)));
        return node;
    }

    /** The fields a delivery's summary and its detail begin with, in this order. */
    private static ObjectNode delivery(long id, String endpoint, String vendor, String type, String key,
                                       Instant receivedAt, DeliveryStatus status) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", id);
        node.put("endpoint", endpoint);
        node.put("vendor", vendor);
        node.put("type", type);
        node.put("key", key);
        node.put("receivedAt", receivedAt.toString());
        node.put("status", status.code());
        return node;
    }

    public static ObjectNode run(RunDetail r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("handler", r.handler());
        node.put("status", r.status().code());
        node.put("attempts", r.attempts());
        node.put("lastError", r.lastError());
        putInstant(node, "nextDue", r.nextDue());
        putInstant(node, "updatedAt", r.updatedAt());
        return node;
    }

    public static ObjectNode outcome(DeliveryReplay.Outcome outcome) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", outcome.id());
        if (outcome instanceof DeliveryReplay.Outcome.Replayed r) {
            node.put("replayed", true);
            ArrayNode handlers = node.putArray("handlers");
            r.handlers().forEach(handlers::add);
        } else if (outcome instanceof DeliveryReplay.Outcome.Skipped s) {
            node.put("replayed", false);
            node.put("reason", s.reason());
        } else {
            node.put("replayed", false);
            node.put("reason", "no delivery has this id");
        }
        return node;
    }

    public static ObjectNode summary(DeliveryReplay.Summary s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("dryRun", s.dryRun());
        node.put("matched", s.matched());
        node.put("replayed", s.replayed());
        ObjectNode byHandler = node.putObject("byHandler");
        s.byHandler().forEach(byHandler::put);
        node.put("skippedCount", s.skippedCount());
        ArrayNode skipped = node.putArray("skipped");
        s.skipped().forEach(k -> skipped.addObject().put("id", k.id()).put("reason", k.reason()));
        return node;
    }

    public static ObjectNode purge(Retention.Result result, boolean includePending) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("dryRun", result.dryRun());
        node.put("cutoff", result.cutoff().toString());
        node.put("includePending", includePending);
        node.put(result.dryRun() ? "wouldPurge" : "purged", result.count());
        return node;
    }

    public static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The body as text if it is valid UTF-8. */
    public static Optional<String> text(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void putInstant(ObjectNode node, String name, Instant instant) {
        if (instant == null) {
            node.putNull(name);
        } else {
            node.put(name, instant.toString());
        }
    }
}
