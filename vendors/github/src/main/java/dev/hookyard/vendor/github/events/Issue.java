package dev.hookyard.vendor.github.events;

import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;

/**
 * The issue of an {@link IssuesEvent}, as it was when the event happened.
 *
 * @param id      the issue's numeric id, or {@code null} when the payload has none
 * @param number  its number in the repository, e.g. {@code 7} in {@code #7}
 * @param title   its title, or {@code null} when the payload has none
 * @param state   {@code open} or {@code closed}, or {@code null} when the payload has none
 * @param htmlUrl its page, or {@code null} when the payload has none
 * @param user    who opened it, or {@code null} when the payload has none
 * @param labels  the names of its labels, in the payload's order; empty when it has none. Unmodifiable
 */
public record Issue(Long id, long number, String title, String state, String htmlUrl, Account user,
                    List<String> labels) {

    public Issue {
        labels = RecordArguments.frozenList(labels, "labels");
    }
}
