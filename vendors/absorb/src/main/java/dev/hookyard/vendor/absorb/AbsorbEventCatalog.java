package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.absorb.events.AbsorbAudience;
import dev.hookyard.vendor.absorb.events.AbsorbEventKind;
import dev.hookyard.vendor.absorb.events.AdminEvent;
import dev.hookyard.vendor.absorb.events.LearnerEvent;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Every event Absorb documents, in its documentation's order (admin events, then learner events), named by
 * {@link AbsorbEventKind#type()}.
 *
 * <p>Absorb publishes no sample payload, only what one holds, so each sample is built from that: the event name
 * as Absorb displays it, the learner's id, the admin's id for admin events, the client id and a correlation id,
 * all GUIDs as Absorb's Integration API uses them. Each sample has its own correlation id, because the correlation
 * id is the delivery key: samples sharing one would be taken for one delivery.
 */
final class AbsorbEventCatalog {

    private static final String CLIENT_ID = "3f0e2a91-6c4d-4b7e-9a15-2d8c7e41b0f6";
    private static final String LEARNER_ID = "8b1d5c3e-0f7a-4e29-b6d4-71c2a9e5f380";
    private static final String ADMIN_ID = "c47a90e2-5b18-4d3f-8e61-0a9b2f7c4d15";

    static final EventCatalog CATALOG = new EventCatalog(
            Arrays.stream(AbsorbEventKind.values()).map(AbsorbEventCatalog::type).toList());

    private AbsorbEventCatalog() {
    }

    private static EventType type(AbsorbEventKind kind) {
        boolean admin = kind.audience() == AbsorbAudience.ADMIN;
        return new EventType(kind.type(), description(kind), admin ? AdminEvent.class : LearnerEvent.class,
                sampleBody(kind));
    }

    private static String sampleBody(AbsorbEventKind kind) {
        String correlationId = UUID.nameUUIDFromBytes(("hookyard absorb sample " + kind.name())
                .getBytes(StandardCharsets.UTF_8)).toString();
        String admin = kind.audience() == AbsorbAudience.ADMIN ? ",\"adminId\":\"" + ADMIN_ID + "\"" : "";
        return "{\"eventName\":\"" + kind.displayName() + "\",\"userId\":\"" + LEARNER_ID + "\"" + admin
                + ",\"clientId\":\"" + CLIENT_ID + "\",\"correlationId\":\"" + correlationId + "\"}";
    }

    private static String description(AbsorbEventKind kind) {
        return switch (kind) {
            case USER_CREATED -> "An admin created a user; fetch the user from the Integration API by userId.";
            case ONLINE_COURSE_ACTIVATED -> "An admin activated an online course.";
            case ENROLLMENT_COMPLETED_BY_ADMIN -> "An admin marked a learner's enrollment as completed.";
            case DEPARTMENT_CREATED -> "An admin created a department.";
            case DEPARTMENT_DELETED -> "An admin deleted a department.";
            case GROUP_CREATED -> "An admin created a group.";
            case GROUP_DELETED -> "An admin deleted a group.";
            case CURRICULUM_ACTIVATED -> "An admin activated a curriculum.";
            case CURRICULUM_DEACTIVATED -> "An admin deactivated a curriculum.";
            case INSTRUCTOR_LED_COURSE_ACTIVATED -> "An admin activated an instructor-led course.";
            case INSTRUCTOR_LED_COURSE_DEACTIVATED -> "An admin deactivated an instructor-led course.";
            case ONLINE_COURSE_DEACTIVATED -> "An admin deactivated an online course.";
            case COURSE_BUNDLE_ACTIVATED -> "An admin activated a course bundle.";
            case COURSE_BUNDLE_DEACTIVATED -> "An admin deactivated a course bundle.";
            case COURSE_BUNDLE_DELETED -> "An admin deleted a course bundle.";
            case USER_ENROLLED_IN_COURSE_BY_ADMIN -> "An admin enrolled a learner in a course.";
            case ENROLLMENT_COMPLETED_BY_LEARNER -> "A learner completed an enrollment (finished a course).";
            case CERTIFICATE_AWARDED -> "A learner was awarded a certificate.";
            case COMPETENCY_AWARDED -> "A learner was awarded a competency.";
            case COURSE_CREDITS_AWARDED -> "A learner was awarded course credits.";
            case SESSION_ENROLLMENT_COMPLETED -> "A learner's enrollment in an instructor-led session completed.";
            case SELF_ASSESSMENT_COMPLETED -> "A learner completed a self-assessment (Skills subscription only).";
            case LEARNING_PATH_COMPLETED -> "A learner completed a learning path (Skills subscription only).";
            case USER_ENROLLED_IN_COURSE_BY_LEARNER -> "A learner enrolled themselves in a course.";
        };
    }
}
