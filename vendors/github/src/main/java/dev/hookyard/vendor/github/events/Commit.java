package dev.hookyard.vendor.github.events;

import java.util.Objects;

/**
 * One commit of a push.
 *
 * @param id         the commit's SHA, never {@code null}
 * @param message    the commit message, or {@code null} when the payload has none
 * @param url        the commit's page, or {@code null} when the payload has none
 * @param authorName the git author's name, or {@code null} when the payload has none
 */
public record Commit(String id, String message, String url, String authorName) {

    public Commit {
        Objects.requireNonNull(id, "id");
    }
}
