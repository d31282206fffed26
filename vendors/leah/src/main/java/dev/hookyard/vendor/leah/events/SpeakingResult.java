package dev.hookyard.vendor.leah.events;

import java.math.BigDecimal;

/**
 * The wire {@code result} of a speaking test. Scores are exact decimals as sent (e.g. {@code 42.87}). Each part is
 * {@code null} when absent; Leah leaves {@code pdf} out when it made no certificate (as in {@code OVERALL_LEVEL}).
 *
 * @param level              the level reached, e.g. {@code "Pre-A1"}
 * @param sublevel           the sublevel reached
 * @param score              the overall score
 * @param vocabularyScore    the wire {@code vocabularyScore}
 * @param fluencyScore       the wire {@code fluencyScore}
 * @param pronunciationScore the wire {@code pronunciationScore}
 * @param grammarScore       the wire {@code grammarScore}
 * @param pdf                the wire {@code pdf}: a URL of the result certificate
 */
public record SpeakingResult(String level, String sublevel, BigDecimal score, BigDecimal vocabularyScore,
                             BigDecimal fluencyScore, BigDecimal pronunciationScore, BigDecimal grammarScore,
                             String pdf) {
}
