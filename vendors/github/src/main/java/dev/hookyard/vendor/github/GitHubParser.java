package dev.hookyard.vendor.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.github.events.GitHubEvent;
import dev.hookyard.vendor.github.events.IssuesEvent;
import dev.hookyard.vendor.github.events.PingEvent;
import dev.hookyard.vendor.github.events.PullRequestEvent;
import dev.hookyard.vendor.github.events.PushEvent;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.StrictJson;

import java.nio.charset.StandardCharsets;

/**
 * Parses GitHub deliveries. The event name comes from {@code X-GitHub-Event} (GitHub's bodies do not carry it), the
 * type is that name plus {@code .} and the body's {@code action} when it has one, and the delivery key is
 * {@code X-GitHub-Delivery} (see {@link DeliveryHeaders}). {@code ping}, {@code push}, {@code pull_request.*} and
 * {@code issues.*} become the typed records of {@code dev.hookyard.vendor.github.events}; every other type a
 * {@link GenericEvent} keeping the raw JSON.
 *
 * <p>The body must be a JSON object: GitHub also offers to send {@code application/x-www-form-urlencoded}
 * ({@code payload=<JSON>}), which is refused with a reason that says how to change it. Malformed reasons are short
 * fixed texts that never echo the body or a header. Deterministic and thread-safe; never throws.
 */
final class GitHubParser implements Parser {

    private static final byte[] FORM_FIELD = "payload=".getBytes(StandardCharsets.US_ASCII);

    @Override
    public ParseResult parse(Delivery delivery) {
        try {
            String event = DeliveryHeaders.eventName(delivery.headers());
            String key = DeliveryHeaders.deliveryId(delivery.headers());
            ObjectNode root = body(delivery.body());
            String action = action(root);
            return ParseResult.parsed(event(event, action, root, key, delivery));
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }

    private static WebhookEvent event(String event, String action, JsonNode root, String key, Delivery delivery)
            throws MalformedBodyException {
        if (action == null) {
            return switch (event) {
                case PingEvent.TYPE -> GitHubPayloads.ping(root, key, delivery);
                case PushEvent.TYPE -> GitHubPayloads.push(root, key, delivery);
                default -> new GenericEvent(GitHubEvent.VENDOR, event, key, delivery);
            };
        }
        return switch (event) {
            case PullRequestEvent.EVENT -> GitHubPayloads.pullRequest(action, root, key, delivery);
            case IssuesEvent.EVENT -> GitHubPayloads.issues(action, root, key, delivery);
            default -> new GenericEvent(GitHubEvent.VENDOR, event + "." + action, key, delivery);
        };
    }

    private static ObjectNode body(byte[] body) throws MalformedBodyException {
        if (startsWith(body, FORM_FIELD)) {
            throw new MalformedBodyException("body is form-encoded; set the webhook's content type to"
                    + " application/json");
        }
        return StrictJson.EXACT_DECIMALS.readObject(body);
    }

    /** The body's {@code action}, or {@code null} when it has none. */
    private static String action(JsonNode root) throws MalformedBodyException {
        String action = JsonFields.text(root, "action", "action");
        if (action != null && !DeliveryHeaders.NAME.matcher(action).matches()) {
            throw new MalformedBodyException("action is not a GitHub action name (lower-case letters, digits and _)");
        }
        return action;
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
