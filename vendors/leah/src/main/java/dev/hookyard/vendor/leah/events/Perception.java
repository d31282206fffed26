package dev.hookyard.vendor.leah.events;

import dev.hookyard.vendor.support.RecordArguments;

import java.util.List;

/**
 * The wire {@code perception} of an {@code ONBOARDING_FINISHED} event: the user's profile, self-assessment and
 * learning goal. The coded texts ({@code goal}, {@code timeStudyingEnglish}, {@code whyIsLearningEnglish}) are kept
 * as sent rather than mapped to enums, because Leah does not publish their full sets of values. Texts are
 * {@code null} when absent.
 *
 * @param countryCode          the wire {@code countryCode}, e.g. {@code "CO"}
 * @param regionName           the wire {@code regionName}, e.g. {@code "Atlantico"}
 * @param proficiency          the wire {@code proficiency}: the self-assessment, or {@code null} when absent
 * @param goal                 the wire {@code goal}: the level the user aims for, e.g. {@code "B2"}
 * @param timeStudyingEnglish  the wire {@code timeStudyingEnglish}, e.g. {@code "BETWEEN_3_AND_5_YEARS"}
 * @param whyIsLearningEnglish the wire {@code whyIsLearningEnglish}, e.g. {@code "INCREASE_YOUR_KNOWLEDGE"}
 * @param topicsOfInterest     the wire {@code topicsOfInterest}, in the order sent; empty when absent. Unmodifiable
 */
public record Perception(String countryCode, String regionName, Proficiency proficiency, String goal,
                         String timeStudyingEnglish, String whyIsLearningEnglish, List<String> topicsOfInterest) {

    public Perception {
        topicsOfInterest = RecordArguments.frozenList(topicsOfInterest, "topicsOfInterest");
    }
}
