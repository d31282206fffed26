package dev.hookyard.vendor.github.events;

/**
 * The pull request of a {@link PullRequestEvent}, as it was when the event happened.
 *
 * @param id      the pull request's numeric id, or {@code null} when the payload has none
 * @param number  its number in the repository, e.g. {@code 42} in {@code #42}
 * @param title   its title, or {@code null} when the payload has none
 * @param state   {@code open} or {@code closed}, or {@code null} when the payload has none
 * @param draft   whether it is a draft
 * @param merged  whether it has been merged ({@code closed} and merged, as opposed to closed unmerged)
 * @param htmlUrl its page, or {@code null} when the payload has none
 * @param headRef the branch it comes from, or {@code null} when the payload has none
 * @param headSha the commit at the head of that branch, or {@code null} when the payload has none
 * @param baseRef the branch it is to be merged into, or {@code null} when the payload has none
 * @param user    who opened it, or {@code null} when the payload has none
 */
public record PullRequest(Long id, long number, String title, String state, boolean draft, boolean merged,
                          String htmlUrl, String headRef, String headSha, String baseRef, Account user) {
}
