package dev.hookyard.vendor.leah.events;

import java.time.Instant;

/**
 * A placement test the user took: the wire {@code test} of {@code PLACEMENT_TEST_FINISHED}, or
 * {@code placementTest} of {@code OVERALL_LEVEL}. Each part is {@code null} when absent.
 *
 * @param id            Leah's test id
 * @param start         when the user started it
 * @param end           when the user finished it
 * @param questionCount the wire {@code questionCount}: how many questions it had
 * @param result        the wire {@code result}
 */
public record PlacementTest(String id, Instant start, Instant end, Integer questionCount, PlacementResult result) {
}
