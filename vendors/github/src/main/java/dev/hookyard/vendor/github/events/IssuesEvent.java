package dev.hookyard.vendor.github.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;
import java.util.Objects;

/**
 * {@code issues.<action>}: something happened to an issue ({@code opened}, {@code edited}, {@code closed},
 * {@code labeled}, ...). Comments on issues are another event, {@code issue_comment}.
 *
 * @param action      the body's {@code action}, e.g. {@code opened}
 * @param issue       the issue
 * @param repository  the repository, or {@code null} when the payload has none
 * @param sender      who did it, or {@code null} when the payload names none
 * @param payload     the whole body as plain values (see {@link GitHubEvent#payload()})
 * @param deliveryKey the {@code X-GitHub-Delivery} id
 * @param delivery    the delivery it was parsed from
 */
public record IssuesEvent(String action, Issue issue, Repository repository, Account sender,
                          Map<String, Object> payload, String deliveryKey, Delivery delivery) implements GitHubEvent {

    /** The event name, the type's part before the action. */
    public static final String EVENT = "issues";

    public IssuesEvent {
        EventChecks.action(action);
        Objects.requireNonNull(issue, "issue");
        payload = RecordArguments.frozenMap(payload, "payload");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** {@code issues.<action>}, e.g. {@code issues.opened}. */
    @Override
    public String type() {
        return EVENT + "." + action;
    }
}
