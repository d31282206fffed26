package dev.hookyard.vendor.leah.events;

/**
 * The wire {@code perception.proficiency}: the user's self-assessment per skill, as whole numbers (Leah's sample
 * uses 1 to 5). Each is {@code null} when absent.
 *
 * @param grammarAndVocabulary   the wire {@code grammarAndVocabulary}
 * @param readingComprehension   the wire {@code readingComprehension}
 * @param listeningComprehension the wire {@code listeningComprehension}
 * @param writing                the wire {@code writing}
 * @param speaking               the wire {@code speaking}
 */
public record Proficiency(Integer grammarAndVocabulary, Integer readingComprehension, Integer listeningComprehension,
                          Integer writing, Integer speaking) {
}
