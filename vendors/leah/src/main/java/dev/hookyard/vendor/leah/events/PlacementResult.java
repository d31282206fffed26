package dev.hookyard.vendor.leah.events;

import java.math.BigDecimal;

/**
 * The wire {@code result} of a placement test. Scores are exact decimals as sent (e.g. {@code 7.61}). Each part is
 * {@code null} when absent; Leah leaves {@code pdf} out when it made no certificate (as in {@code OVERALL_LEVEL}).
 *
 * @param level          the level reached, e.g. {@code "A1"} (or a partner's own scale, e.g. {@code "Level 1"})
 * @param sublevel       the sublevel reached, e.g. {@code "A1.2"}
 * @param score          the overall score
 * @param languageScore  the wire {@code languageScore}
 * @param readingScore   the wire {@code readingScore}
 * @param listeningScore the wire {@code listeningScore}
 * @param pdf            the wire {@code pdf}: a URL of the result certificate
 */
public record PlacementResult(String level, String sublevel, BigDecimal score, BigDecimal languageScore,
                              BigDecimal readingScore, BigDecimal listeningScore, String pdf) {
}
