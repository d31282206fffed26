package dev.hookyard.vendor.leah.events;

import java.math.BigDecimal;

/**
 * The wire {@code overall} of an {@code OVERALL_LEVEL} event: the level Leah computed from the user's tests. Each
 * part is {@code null} when absent.
 *
 * @param score    the overall score, exact as sent (e.g. {@code 27.4})
 * @param level    the overall level, e.g. {@code "Level 1"}
 * @param sublevel the overall sublevel, e.g. {@code "Sublevel 1.1"}
 */
public record OverallResult(BigDecimal score, String level, String sublevel) {
}
