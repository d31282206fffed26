package dev.hookyard.vendor.github.events;

/**
 * The repository an event happened in.
 *
 * @param id       the repository's numeric id, or {@code null} when the payload has none
 * @param fullName {@code owner/name}, e.g. {@code octo-org/hello-world}, or {@code null} when the payload has none
 * @param htmlUrl  the repository's page, or {@code null} when the payload has none
 */
public record Repository(Long id, String fullName, String htmlUrl) {
}
