package dev.hookyard.vendor.falkor.events;

/**
 * One learner's enrolment on the pathway: an item of the wire {@code data.enrolments}. Every component is
 * {@code null} when the payload has no such field.
 *
 * @param email     the wire {@code email} as sent; not always a valid address, so kept as text
 * @param firstname the wire {@code firstname}
 * @param lastname  the wire {@code lastname}
 * @param country   the wire {@code country}, a name such as {@code "South Africa"}
 * @param city      the wire {@code city}
 * @param status    the wire {@code status}
 */
public record Enrolment(String email, String firstname, String lastname, String country, String city,
                        EnrolmentStatus status) {
}
