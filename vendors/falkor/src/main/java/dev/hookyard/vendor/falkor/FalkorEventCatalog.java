package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.falkor.events.Enrolments;
import dev.hookyard.vendor.falkor.events.Events;
import dev.hookyard.vendor.falkor.events.Rewards;

import java.util.List;

/**
 * The three webhook events Falkor documents, each with the sample body the specification gives for it, verbatim
 * (byte for byte, so that a signed sample is exactly what Falkor would sign).
 */
final class FalkorEventCatalog {

    static final String ENROLMENTS_SAMPLE =
            "{\"type\":\"enrolments\",\"data\":{\"pathway\":{\"name\":\"Pathway Name\",\"ID\":\"FA-HCPG-06RF\"},"
            + "\"enrolments\":[{\"email\":\"test@example.com\",\"firstname\":\"Test\",\"lastname\":\"User\","
            + "\"country\":\"South Africa\",\"city\":\"Cape Town\",\"status\":{\"level\":2,"
            + "\"state\":\"In Progress\",\"progress\":90,\"version\":\"1.2.3\","
            + "\"timestamp\":\"2020-10-09T14:59:06+02:00\",\"joined\":\"2020-10-07T12:00:06+02:00\"}}]}}";

    static final String EVENTS_SAMPLE =
            "{\"type\":\"events\",\"data\":{\"pathway\":{\"name\":\"My Pathway\",\"ID\":\"FA-HCPG-06RF\"},"
            + "\"events\":[{\"ID\":\"FABK-YVUU-89RU\",\"type\":\"event\",\"name\":\"Event\","
            + "\"start\":\"2020-10-15T16:15:00+02:00\",\"end\":\"2020-10-15T22:15:00+02:00\","
            + "\"venue\":{\"place\":\"Cable Car Station\",\"location\":\"Cape Town ZA\"},\"available\":4,"
            + "\"booked\":2,\"attendees\":[{\"guid\":\"8bd0705f-c640-4191-9a1c-1a8cc73ad949\",\"state\":\"booked\","
            + "\"firstname\":\"Test\",\"lastname\":\"User\",\"email\":\"test@example.com\","
            + "\"country\":\"South Africa\",\"city\":\"Cape Town\"}]}]}}";

    static final String REWARDS_SAMPLE =
            "{\"type\":\"rewards\",\"data\":{\"pathway\":{\"name\":\"My Pathway\",\"ID\":\"FA-HCPG-06RF\"},"
            + "\"rewards\":[{\"ID\":\"FARE-STZH-05MD\",\"name\":\"Cup of Coffee\","
            + "\"vouchers\":[{\"guid\":\"6c720133-3916-4172-94c9-62d1394fc72b\",\"firstname\":\"Test\","
            + "\"lastname\":\"User\",\"email\":\"test@example.com\",\"country\":\"South Africa\","
            + "\"city\":\"Cape Town\",\"state\":\"notified\",\"expires\":\"never\"}]}]}}";

    static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType(Enrolments.TYPE, "Enrolments on a pathway changed: a learner enrolled, or completed the"
                    + " pathway or an activity.", Enrolments.class, ENROLMENTS_SAMPLE),
            new EventType(Events.TYPE, "Attendance at a classroom session or event changed: a learner registered"
                    + " for it or checked in.", Events.class, EVENTS_SAMPLE),
            new EventType(Rewards.TYPE, "Learners obtained rewards: a learner received or unlocked a reward on a"
                    + " pathway.", Rewards.class, REWARDS_SAMPLE)));

    private FalkorEventCatalog() {
    }
}
