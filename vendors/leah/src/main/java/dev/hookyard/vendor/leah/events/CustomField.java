package dev.hookyard.vendor.leah.events;

/**
 * One entry of {@code personalInformation.customFields}: a registration field the partner defined for its users,
 * e.g. {@code doc_type = CC}.
 *
 * @param name  the wire {@code name}, or {@code null} when absent
 * @param value the wire {@code value}, or {@code null} when absent
 */
public record CustomField(String name, String value) {
}
