package dev.hookyard.vendor.leah;

import dev.hookyard.vendor.leah.events.CustomField;
import dev.hookyard.vendor.leah.events.LeahUser;
import dev.hookyard.vendor.leah.events.OverallResult;
import dev.hookyard.vendor.leah.events.Partner;
import dev.hookyard.vendor.leah.events.Perception;
import dev.hookyard.vendor.leah.events.PersonalInformation;
import dev.hookyard.vendor.leah.events.PlacementResult;
import dev.hookyard.vendor.leah.events.PlacementTest;
import dev.hookyard.vendor.leah.events.Proficiency;
import dev.hookyard.vendor.leah.events.SpeakingResult;
import dev.hookyard.vendor.leah.events.SpeakingTest;
import dev.hookyard.vendor.support.MalformedBodyException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts Leah's payloads are made of ({@code user}, {@code partner}, tests and their results, ...) into the
 * records of {@code dev.hookyard.vendor.leah.events}, field names as in Leah's documented samples. Each method takes
 * the object holding the part and the part's field name, and gives {@code null} when the part is absent (see
 * {@link JsonObjectView} for the rules on each field).
 */
final class LeahPayloadReader {

    private LeahPayloadReader() {
    }

    static LeahUser user(JsonObjectView parent, String field) throws MalformedBodyException {
        JsonObjectView user = parent.object(field);
        if (user == null) {
            return null;
        }
        return new LeahUser(user.text("id"), personalInformation(user, "personalInformation"));
    }

    static Partner partner(JsonObjectView parent, String field) throws MalformedBodyException {
        JsonObjectView partner = parent.object(field);
        if (partner == null) {
            return null;
        }
        return new Partner(partner.text("id"), partner.text("name"), partner.text("code"));
    }

    static Perception perception(JsonObjectView parent, String field) throws MalformedBodyException {
        JsonObjectView perception = parent.object(field);
        if (perception == null) {
            return null;
        }
        return new Perception(perception.text("countryCode"), perception.text("regionName"),
                proficiency(perception, "proficiency"), perception.text("goal"),
                perception.text("timeStudyingEnglish"), perception.text("whyIsLearningEnglish"),
                perception.texts("topicsOfInterest"));
    }

    static PlacementTest placementTest(JsonObjectView parent, String field) throws MalformedBodyException {
        JsonObjectView test = parent.object(field);
        if (test == null) {
            return null;
        }
        JsonObjectView result = test.object("result");
        PlacementResult placementResult = result == null ? null : new PlacementResult(result.text("level"),
                result.text("sublevel"), result.decimal("score"), result.decimal("languageScore"),
                result.decimal("readingScore"), result.decimal("listeningScore"), result.text("pdf"));
        return new PlacementTest(test.text("id"), test.instant("start"), test.instant("end"),
                test.wholeNumber("questionCount"), placementResult);
    }

    static SpeakingTest speakingTest(JsonObjectView parent, String field) throws MalformedBodyException {
        JsonObjectView test = parent.object(field);
        if (test == null) {
            return null;
        }
        JsonObjectView result = test.object("result");
        SpeakingResult speakingResult = result == null ? null : new SpeakingResult(result.text("level"),
                result.text("sublevel"), result.decimal("score"), result.decimal("vocabularyScore"),
                result.decimal("fluencyScore"), result.decimal("pronunciationScore"), result.decimal("grammarScore"),
                result.text("pdf"));
        return new SpeakingTest(test.text("id"), test.instant("start"), test.instant("end"),
                test.wholeNumber("questionCount"), test.bool("isValid"), speakingResult);
    }

    static OverallResult overall(JsonObjectView parent, String field) throws MalformedBodyException {
        JsonObjectView overall = parent.object(field);
        if (overall == null) {
            return null;
        }
        return new OverallResult(overall.decimal("score"), overall.text("level"), overall.text("sublevel"));
    }

    private static PersonalInformation personalInformation(JsonObjectView parent, String field)
            throws MalformedBodyException {
        JsonObjectView info = parent.object(field);
        if (info == null) {
            return null;
        }
        List<CustomField> customFields = new ArrayList<>();
        for (JsonObjectView customField : info.objects("customFields")) {
            customFields.add(new CustomField(customField.text("name"), customField.text("value")));
        }
        return new PersonalInformation(info.text("email"), info.text("familyName"), info.text("givenName"),
                info.text("phoneNumber"), info.text("picture"), customFields);
    }

    private static Proficiency proficiency(JsonObjectView parent, String field) throws MalformedBodyException {
        JsonObjectView proficiency = parent.object(field);
        if (proficiency == null) {
            return null;
        }
        return new Proficiency(proficiency.wholeNumber("grammarAndVocabulary"),
                proficiency.wholeNumber("readingComprehension"), proficiency.wholeNumber("listeningComprehension"),
                proficiency.wholeNumber("writing"), proficiency.wholeNumber("speaking"));
    }
}
