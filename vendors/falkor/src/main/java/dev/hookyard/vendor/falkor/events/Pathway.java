package dev.hookyard.vendor.falkor.events;

/**
 * The Falkor pathway (a learning programme) a batch belongs to: the wire {@code data.pathway}.
 *
 * @param name the pathway's display name, or {@code null} when absent
 * @param id   the wire {@code ID}, e.g. {@code "FA-HCPG-06RF"}, or {@code null} when absent
 */
public record Pathway(String name, String id) {
}
