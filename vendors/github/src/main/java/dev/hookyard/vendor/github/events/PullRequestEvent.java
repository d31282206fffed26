package dev.hookyard.vendor.github.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;
import java.util.Objects;

/**
 * {@code pull_request.<action>}: something happened to a pull request ({@code opened}, {@code closed},
 * {@code synchronize} for new commits, {@code ready_for_review}, ...). A closed pull request was merged if
 * {@link PullRequest#merged()}.
 *
 * @param action      the body's {@code action}, e.g. {@code opened}
 * @param pullRequest the pull request
 * @param repository  the repository, or {@code null} when the payload has none
 * @param sender      who did it, or {@code null} when the payload names none
 * @param payload     the whole body as plain values (see {@link GitHubEvent#payload()})
 * @param deliveryKey the {@code X-GitHub-Delivery} id
 * @param delivery    the delivery it was parsed from
 */
public record PullRequestEvent(String action, PullRequest pullRequest, Repository repository, Account sender,
                               Map<String, Object> payload, String deliveryKey, Delivery delivery)
        implements GitHubEvent {

    /** The event name, the type's part before the action. */
    public static final String EVENT = "pull_request";

    public PullRequestEvent {
        EventChecks.action(action);
        Objects.requireNonNull(pullRequest, "pullRequest");
        payload = RecordArguments.frozenMap(payload, "payload");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** {@code pull_request.<action>}, e.g. {@code pull_request.opened}. */
    @Override
    public String type() {
        return EVENT + "." + action;
    }
}
