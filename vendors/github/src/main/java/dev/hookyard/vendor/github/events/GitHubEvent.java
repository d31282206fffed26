package dev.hookyard.vendor.github.events;

import dev.hookyard.spi.WebhookEvent;

import java.util.Map;

/**
 * A GitHub event with a typed record: {@link PingEvent}, {@link PushEvent}, {@link PullRequestEvent} and
 * {@link IssuesEvent}. Sealed, so a handler's {@code switch} over it is checked for exhaustiveness:
 *
 * <pre>{@code
 * if (event instanceof GitHubEvent github) {
 *     switch (github) {
 *         case PushEvent push -> deploy(push.repository().fullName(), push.after());
 *         case PullRequestEvent pr -> review(pr.pullRequest().htmlUrl());
 *         case IssuesEvent issues -> triage(issues.issue());
 *         case PingEvent ping -> { }
 *     }
 * }
 * }</pre>
 *
 * <p>The event type is GitHub's event name ({@code X-GitHub-Event}), followed by {@code .} and the body's
 * {@code action} when it has one: {@code push}, {@code pull_request.opened}, {@code issues.closed}. Every other event
 * GitHub sends ({@code release.published}, {@code workflow_run.completed}, ...) arrives as a
 * {@link dev.hookyard.spi.GenericEvent} with that type, not as a {@code GitHubEvent}.
 *
 * <p>{@link #deliveryKey()} is GitHub's delivery id ({@code X-GitHub-Delivery}), the GUID GitHub's "Recent
 * Deliveries" page shows: GitHub's redelivery of the same delivery keeps it, so it is a duplicate.
 */
public sealed interface GitHubEvent extends WebhookEvent permits PingEvent, PushEvent, PullRequestEvent, IssuesEvent {

    /** The vendor id of every GitHub event: {@code "github"}. */
    String VENDOR = "github";

    /** The repository the event happened in, or {@code null} for an event outside one (an organization's ping). */
    Repository repository();

    /** The account that caused the event, or {@code null} when the payload names none. */
    Account sender();

    /**
     * The whole body as plain Java values (String, Long or BigInteger, BigDecimal, Boolean, {@code null}, and
     * unmodifiable List and Map for nested JSON), names as sent, for every field the record does not type. Unmodifiable.
     */
    Map<String, Object> payload();

    /** Always {@link #VENDOR}. */
    @Override
    default String vendor() {
        return VENDOR;
    }
}
