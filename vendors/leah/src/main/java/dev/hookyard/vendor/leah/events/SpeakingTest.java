package dev.hookyard.vendor.leah.events;

import java.time.Instant;

/**
 * A speaking test the user took: the wire {@code test} of {@code SPEAKING_TEST_FINISHED}, or {@code speakingTest}
 * of {@code OVERALL_LEVEL}. Each part is {@code null} when absent.
 *
 * @param id            Leah's test id
 * @param start         when the user started it
 * @param end           when the user finished it
 * @param questionCount the wire {@code questionCount}: how many questions it had
 * @param valid         the wire {@code isValid}: whether Leah could assess the recording (an invalid test scores 0)
 * @param result        the wire {@code result}
 */
public record SpeakingTest(String id, Instant start, Instant end, Integer questionCount, Boolean valid,
                           SpeakingResult result) {
}
