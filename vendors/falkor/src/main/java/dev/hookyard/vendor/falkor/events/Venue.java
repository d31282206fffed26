package dev.hookyard.vendor.falkor.events;

/**
 * Where a classroom session or event takes place: the wire {@code venue}.
 *
 * @param place    the wire {@code place}, e.g. {@code "Cable Car Station"}, or {@code null} when absent
 * @param location the wire {@code location}, e.g. {@code "Cape Town ZA"}, or {@code null} when absent
 */
public record Venue(String place, String location) {
}
