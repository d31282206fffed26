package dev.hookyard.vendor.leah.events;

/**
 * The wire {@code user} of a Leah event.
 *
 * @param id                  Leah's user id (an opaque string, e.g. {@code "65e9c4884805c146b5770c61"}), or
 *                            {@code null} when absent
 * @param personalInformation the wire {@code personalInformation}, or {@code null} when absent
 */
public record LeahUser(String id, PersonalInformation personalInformation) {
}
