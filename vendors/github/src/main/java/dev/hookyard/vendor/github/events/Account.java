package dev.hookyard.vendor.github.events;

/**
 * A GitHub user, organization or bot, as payloads name them ({@code sender}, {@code user}).
 *
 * @param id    the account's numeric id, or {@code null} when the payload has none
 * @param login the login, e.g. {@code octocat}, or {@code null} when the payload has none
 */
public record Account(Long id, String login) {
}
