package dev.hookyard.vendor.github.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;

/**
 * {@code ping}: GitHub sends it once when a webhook is created, and whenever someone presses "Redeliver" on it, to
 * check that the endpoint answers. It is answered 200 and stored like any event.
 *
 * @param zen         a random piece of GitHub zen, or {@code null} when the payload has none
 * @param hookId      the id of the webhook that sent it, or {@code null} when the payload has none
 * @param repository  the repository of a repository webhook, or {@code null} (organization and App webhooks)
 * @param sender      who created the webhook, or {@code null} when the payload names none
 * @param payload     the whole body as plain values (see {@link GitHubEvent#payload()})
 * @param deliveryKey the {@code X-GitHub-Delivery} id
 * @param delivery    the delivery it was parsed from
 */
public record PingEvent(String zen, Long hookId, Repository repository, Account sender, Map<String, Object> payload,
                        String deliveryKey, Delivery delivery) implements GitHubEvent {

    /** The wire name. */
    public static final String TYPE = "ping";

    public PingEvent {
        payload = RecordArguments.frozenMap(payload, "payload");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
