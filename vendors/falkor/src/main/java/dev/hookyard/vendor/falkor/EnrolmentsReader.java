package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.LenientFields.integer;
import static dev.hookyard.vendor.falkor.LenientFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.vendor.falkor.events.Enrolment;
import dev.hookyard.vendor.falkor.events.EnrolmentStatus;
import dev.hookyard.vendor.support.MalformedBodyException;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code data.enrolments} of an {@code enrolments} body into records. */
final class EnrolmentsReader {

    private static final String PATH = "data.enrolments";

    private EnrolmentsReader() {
    }

    static List<Enrolment> read(JsonNode data) throws MalformedBodyException {
        List<Enrolment> enrolments = new ArrayList<>();
        for (JsonNode item : LenientFields.objects(data, "enrolments", PATH)) {
            enrolments.add(new Enrolment(text(item, "email"), text(item, "firstname"), text(item, "lastname"),
                    text(item, "country"), text(item, "city"), status(item)));
        }
        return enrolments;
    }

    private static EnrolmentStatus status(JsonNode enrolment) throws MalformedBodyException {
        JsonNode status = LenientFields.object(enrolment, "status", PATH + "[].status");
        if (status == null) {
            return null;
        }
        return new EnrolmentStatus(integer(status, "level"), text(status, "state"), integer(status, "progress"),
                text(status, "version"), text(status, "timestamp"), text(status, "joined"));
    }
}
