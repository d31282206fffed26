package dev.hookyard.vendor.least;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.least.events.BadgeEarned;
import dev.hookyard.vendor.least.events.LessonCompleted;
import dev.hookyard.vendor.least.events.LmsRuleEvent;
import dev.hookyard.vendor.least.events.RecordAction;
import dev.hookyard.vendor.least.events.RecordArchived;
import dev.hookyard.vendor.least.events.RecordCreated;
import dev.hookyard.vendor.least.events.WorkflowCompleted;

import java.util.List;

/**
 * Every event LEAST documents, with a sample body each. Collection and Workflow samples use only the fields LEAST's
 * cookbook shows ({@code record_id}, {@code data.strD5_1_1}, {@code action_id}, {@code intLessonId}, ...). LEAST
 * documents no payload for the LMS Rule Engine triggers, so their samples are illustrative: one id per trigger,
 * named in LEAST's {@code int<Name>Id} style, plus
 * the learner's {@code intUserId}.
 */
final class LeastEventCatalog {

    static final EventCatalog CATALOG = new EventCatalog(List.of(
            new EventType(RecordCreated.TYPE, "An item was added to a collection (Collection API).",
                    RecordCreated.class,
                    "{\"event\":\"record.created\",\"record_id\":42,\"data\":{\"strD5_1_1\":\"Replace lobby"
                            + " badge reader\",\"strD5_1_2\":\"Facilities\"}}"),
            new EventType(RecordAction.TYPE, "A workflow action was taken on an item; action_id 8 is Complete"
                    + " (Collection API).", RecordAction.class,
                    "{\"event\":\"record.action\",\"record_id\":42,\"action_id\":8}"),
            new EventType(RecordArchived.TYPE, "An item was archived (Collection API).", RecordArchived.class,
                    "{\"event\":\"record.archived\",\"record_id\":42}"),
            new EventType(LessonCompleted.TYPE, "A learner completed a lesson (Workflow Webhooks).",
                    LessonCompleted.class, "{\"event\":\"lesson.completed\",\"intLessonId\":1207}"),
            new EventType(BadgeEarned.TYPE, "A learner earned a badge (Workflow Webhooks).", BadgeEarned.class,
                    "{\"event\":\"badge.earned\",\"intBadgeId\":58}"),
            new EventType(WorkflowCompleted.TYPE, "A workflow instance finished (Workflow Webhooks).",
                    WorkflowCompleted.class, "{\"event\":\"workflow.completed\",\"intInstanceId\":90311}"),
            lms("user.created", "A user account was created (LMS Rule Engine).", "intUserId", 5531),
            lms("certificate.awarded", "A learner was awarded a certificate (LMS Rule Engine).",
                    "intCertificateId", 214),
            lms("deadline.approaching", "A learner's assignment deadline is near (LMS Rule Engine).",
                    "intAssignmentId", 7702),
            lms("course.enrolled", "A learner was enrolled in a course (LMS Rule Engine).", "intCourseId", 311),
            lms("course.completed", "A learner completed a course (LMS Rule Engine).", "intCourseId", 311),
            lms("path.completed", "A learner completed a learning path (LMS Rule Engine).", "intPathId", 19),
            lms("cohort.joined", "A learner joined a cohort (LMS Rule Engine).", "intCohortId", 6),
            lms("quiz.passed", "A learner passed a quiz (LMS Rule Engine; announced as pending).", "intQuizId", 830),
            lms("quiz.failed", "A learner failed a quiz (LMS Rule Engine; announced as pending).", "intQuizId",
                    830)));

    private LeastEventCatalog() {
    }

    private static EventType lms(String name, String description, String idField, long id) {
        String learner = idField.equals("intUserId") ? "" : ",\"intUserId\":5531";
        return new EventType(name, description, LmsRuleEvent.class,
                "{\"event\":\"" + name + "\",\"" + idField + "\":" + id + learner + "}");
    }
}
