package dev.hookyard.vendor.leah;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.leah.events.OnboardingFinished;
import dev.hookyard.vendor.leah.events.OverallLevel;
import dev.hookyard.vendor.leah.events.PlacementTestFinished;
import dev.hookyard.vendor.leah.events.SpeakingTestFinished;
import dev.hookyard.vendor.leah.events.UserRegistered;

import java.util.List;

/**
 * Every event Leah documents, each with the request body from Leah's own webhook page (leah.txt) verbatim, byte for
 * byte, so that a signed sample is exactly what Leah would post. The literals are only split across lines.
 */
final class LeahEventCatalog {

    /** The USER_REGISTERED request body of leah.txt, verbatim. */
    static final String USER_REGISTERED_SAMPLE =
            "{\"event\":\"USER_REGISTERED\",\"user\":{\"id\":\"65e9c4884805c146b5770c61\","
            + "\"personalInformation\":{\"email\":\"johndoe@example.com\",\"familyName\":\"Doe\","
            + "\"givenName\":\"John\",\"phoneNumber\":\"+573334445555\","
            + "\"picture\":\"https://cdn.example.com/pictures/profile.jpg\","
            + "\"customFields\":[{\"name\":\"doc_type\",\"value\":\"CC\"},{\"name\":\"doc_number\","
            + "\"value\":\"1048222222\"}]}},\"partner\":{\"id\":\"662fc3c33eb47f6dcb97c71e\","
            + "\"name\":\"Test Partner\",\"code\":null},\"date\":\"2024-03-07T13:43:40.674Z\","
            + "\"externalIds\":[\"random-external-id\"]}";

    /** The ONBOARDING_FINISHED request body of leah.txt, verbatim. */
    static final String ONBOARDING_FINISHED_SAMPLE =
            "{\"event\":\"ONBOARDING_FINISHED\",\"externalIds\":[\"random-external-id\"],"
            + "\"date\":\"2024-09-02T14:31:28.757Z\",\"user\":{\"id\":\"65e9c4884805c146b5770c61\","
            + "\"personalInformation\":{\"email\":\"johndoe@example.com\",\"familyName\":\"Doe\","
            + "\"givenName\":\"John\",\"phoneNumber\":\"+573334445555\","
            + "\"picture\":\"https://cdn.example.com/pictures/profile.jpg\","
            + "\"customFields\":[{\"name\":\"doc_type\",\"value\":\"CC\"},{\"name\":\"doc_number\","
            + "\"value\":\"1048222222\"}]}},\"partner\":{\"id\":\"662fc3c33eb47f6dcb97c71e\","
            + "\"name\":\"Test Partner\",\"code\":null},\"perception\":{\"countryCode\":\"CO\","
            + "\"regionName\":\"Atlantico\",\"proficiency\":{\"grammarAndVocabulary\":5,\"readingComprehension\":4,"
            + "\"listeningComprehension\":3,\"writing\":2,\"speaking\":1},\"goal\":\"B2\","
            + "\"timeStudyingEnglish\":\"BETWEEN_3_AND_5_YEARS\","
            + "\"whyIsLearningEnglish\":\"INCREASE_YOUR_KNOWLEDGE\",\"topicsOfInterest\":[\"General English\","
            + "\"Technology\"]}}";

    /** The PLACEMENT_TEST_FINISHED request body of leah.txt, verbatim. */
    static final String PLACEMENT_TEST_FINISHED_SAMPLE =
            "{\"event\":\"PLACEMENT_TEST_FINISHED\",\"test\":{\"id\":\"65e9c74f4805c146b5770d4c\","
            + "\"start\":\"2024-03-07T13:55:27.709Z\",\"end\":\"2024-03-07T13:56:27.846Z\",\"questionCount\":36,"
            + "\"result\":{\"level\":\"A1\",\"sublevel\":\"A1.2\",\"score\":7.61,\"languageScore\":2.65,"
            + "\"readingScore\":24.26,\"listeningScore\":26.83,"
            + "\"pdf\":\"https://static.leahapp.com/certificates/diagnostic/fee7d137-8119-4ee7-b4f3.pdf\"}},"
            + "\"user\":{\"id\":\"65e9c4884805c146b5770c61\","
            + "\"personalInformation\":{\"email\":\"johndoe@example.com\",\"familyName\":\"Doe\","
            + "\"givenName\":\"John\",\"phoneNumber\":\"+573334445555\","
            + "\"picture\":\"https://cdn.example.com/pictures/profile.jpg\","
            + "\"customFields\":[{\"name\":\"doc_type\",\"value\":\"CC\"},{\"name\":\"doc_number\","
            + "\"value\":\"1048222222\"}]}},\"partner\":{\"id\":\"662fc3c33eb47f6dcb97c71e\","
            + "\"name\":\"Test Partner\",\"code\":null},\"date\":\"2024-03-07T13:56:27.846Z\","
            + "\"externalIds\":[\"random-external-id\"]}";

    /** The SPEAKING_TEST_FINISHED request body of leah.txt, verbatim. */
    static final String SPEAKING_TEST_FINISHED_SAMPLE =
            "{\"event\":\"SPEAKING_TEST_FINISHED\",\"test\":{\"id\":\"65e9c9384805c146b57710bc\","
            + "\"start\":\"2024-03-07T14:03:36.894Z\",\"end\":\"2024-03-07T14:05:45.078Z\",\"questionCount\":3,"
            + "\"isValid\":true,\"result\":{\"level\":\"Pre-A1\",\"sublevel\":\"Pre-A1\",\"score\":42.87,"
            + "\"vocabularyScore\":41.49,\"fluencyScore\":39.54,\"pronunciationScore\":59.31,"
            + "\"grammarScore\":38.86,"
            + "\"pdf\":\"https://static.leahapp.com/certificates/speaking/e8b40139-c654-4fd3-bb14.pdf\"}},"
            + "\"user\":{\"id\":\"65e9c4884805c146b5770c61\","
            + "\"personalInformation\":{\"email\":\"johndoe@example.com\",\"familyName\":\"Doe\","
            + "\"givenName\":\"John\",\"phoneNumber\":\"+573334445555\","
            + "\"picture\":\"https://cdn.example.com/pictures/profile.jpg\","
            + "\"customFields\":[{\"name\":\"doc_type\",\"value\":\"CC\"},{\"name\":\"doc_number\","
            + "\"value\":\"1048222222\"}]}},\"partner\":{\"id\":\"662fc3c33eb47f6dcb97c71e\","
            + "\"name\":\"Test Partner\",\"code\":null},\"date\":\"2024-03-07T14:05:45.078Z\","
            + "\"externalIds\":[\"random-external-id\"]}";

    /** The OVERALL_LEVEL request body of leah.txt, verbatim. */
    static final String OVERALL_LEVEL_SAMPLE =
            "{\"event\":\"OVERALL_LEVEL\",\"overall\":{\"score\":27.4,\"level\":\"Level 1\","
            + "\"sublevel\":\"Sublevel 1.1\"},\"speakingTest\":{\"id\":\"663d0406c293f8d5895f639c\","
            + "\"start\":\"2024-05-09T17:12:38.616Z\",\"end\":\"2024-05-09T17:15:20.238Z\",\"questionCount\":3,"
            + "\"isValid\":false,\"result\":{\"level\":\"Pre-A1\",\"sublevel\":\"Pre-A1\",\"score\":0,"
            + "\"vocabularyScore\":0,\"fluencyScore\":0,\"pronunciationScore\":0,\"grammarScore\":0}},"
            + "\"placementTest\":{\"id\":\"6647c08136ec32eb28152cf6\",\"start\":\"2024-05-17T20:39:29.218Z\","
            + "\"end\":\"2024-05-17T20:41:09.135Z\",\"questionCount\":36,\"result\":{\"level\":\"Level 1\","
            + "\"sublevel\":\"Sublevel 1.1\",\"score\":21.75,\"languageScore\":23.37,\"readingScore\":21.09,"
            + "\"listeningScore\":31.68}},\"user\":{\"id\":\"660b2921fd05f52867c408e1\","
            + "\"personalInformation\":{\"email\":\"johndoe@example.com\",\"familyName\":\"Doe\","
            + "\"givenName\":\"John\",\"phoneNumber\":\"+573334445555\",\"customFields\":[]}},"
            + "\"partner\":{\"id\":\"6408f36388f7f41b188288a6\",\"name\":\"Test Partner\",\"code\":\"0000\"},"
            + "\"date\":\"2024-05-17T20:41:23.238Z\",\"externalIds\":[]}";

    static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType(UserRegistered.TYPE, "A user joined the organization by redeeming a partnership code or"
                    + " a license key.", UserRegistered.class, USER_REGISTERED_SAMPLE),
            new EventType(OnboardingFinished.TYPE, "A user completed their profile, self-assessment and learning"
                    + " goal.", OnboardingFinished.class, ONBOARDING_FINISHED_SAMPLE),
            new EventType(PlacementTestFinished.TYPE, "A user completed a placement test; carries the results.",
                    PlacementTestFinished.class, PLACEMENT_TEST_FINISHED_SAMPLE),
            new EventType(SpeakingTestFinished.TYPE, "A user completed a speaking test; carries the results.",
                    SpeakingTestFinished.class, SPEAKING_TEST_FINISHED_SAMPLE),
            new EventType(OverallLevel.TYPE, "Leah computed a user's overall level after a speaking or placement"
                    + " test.", OverallLevel.class, OVERALL_LEVEL_SAMPLE)));

    private LeahEventCatalog() {
    }
}
