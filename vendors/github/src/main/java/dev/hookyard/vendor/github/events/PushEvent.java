package dev.hookyard.vendor.github.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code push}: commits were pushed to a branch or a tag was pushed, or a branch or tag was created or deleted.
 *
 * @param ref         the full ref pushed to, e.g. {@code refs/heads/main} or {@code refs/tags/v1.0}
 * @param before      the SHA the ref pointed at before (all zeros when it was created)
 * @param after       the SHA the ref points at now (all zeros when it was deleted)
 * @param created     whether the push created the ref
 * @param deleted     whether the push deleted the ref
 * @param forced      whether it was a force push
 * @param compare     the page comparing {@code before} with {@code after}, or {@code null} when the payload has none
 * @param commits     the pushed commits, oldest first as GitHub lists them (at most 2048); empty when there are none.
 *                    Unmodifiable
 * @param pusherName  the git name of who pushed, or {@code null} when the payload has none
 * @param repository  the repository pushed to, or {@code null} when the payload has none
 * @param sender      the account that pushed, or {@code null} when the payload names none
 * @param payload     the whole body as plain values (see {@link GitHubEvent#payload()})
 * @param deliveryKey the {@code X-GitHub-Delivery} id
 * @param delivery    the delivery it was parsed from
 */
public record PushEvent(String ref, String before, String after, boolean created, boolean deleted, boolean forced,
                        String compare, List<Commit> commits, String pusherName, Repository repository,
                        Account sender, Map<String, Object> payload, String deliveryKey, Delivery delivery)
        implements GitHubEvent {

    /** The wire name. */
    public static final String TYPE = "push";

    private static final String BRANCH_PREFIX = "refs/heads/";
    private static final String TAG_PREFIX = "refs/tags/";

    public PushEvent {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        commits = RecordArguments.frozenList(commits, "commits");
        payload = RecordArguments.frozenMap(payload, "payload");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }

    /** The branch pushed to ({@code main} for {@code refs/heads/main}), or {@code null} for a tag or another ref. */
    public String branch() {
        return ref.startsWith(BRANCH_PREFIX) ? ref.substring(BRANCH_PREFIX.length()) : null;
    }

    /** The tag pushed ({@code v1.0} for {@code refs/tags/v1.0}), or {@code null} for a branch or another ref. */
    public String tag() {
        return ref.startsWith(TAG_PREFIX) ? ref.substring(TAG_PREFIX.length()) : null;
    }
}
