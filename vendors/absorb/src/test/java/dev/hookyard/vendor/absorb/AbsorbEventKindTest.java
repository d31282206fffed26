package dev.hookyard.vendor.absorb;

import dev.hookyard.vendor.absorb.events.AbsorbAudience;
import dev.hookyard.vendor.absorb.events.AbsorbEventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbsorbEventKindTest {

    /** The names of absorb.txt, verbatim and in its order. */
    private static final List<String> ADMIN = List.of("User Created", "Online Course Activated",
            "Enrollment Completed by Admin", "Department Created", "Department Deleted", "Group Created",
            "Group Deleted", "Curriculum Activated", "Curriculum Deactivated", "Instructor Led Course Activated",
            "Instructor Led Course Deactivated", "Online Course Deactivated", "Course Bundle Activated",
            "Course Bundle Deactivated", "Course Bundle Deleted", "User Enrolled in Course by Admin");
    private static final List<String> LEARNER = List.of("Enrollment Completed by Learner", "Certificate Awarded",
            "Competency Awarded", "Course Credits Awarded", "Session Enrollment Completed",
            "Self-Assessment Completed", "Learning Path Completed", "User Enrolled in Course by Learner");

    @Test
    void kindsAreTheDocumentedEventsInOrderWithTheirAudience() {
        List<AbsorbEventKind> kinds = List.of(AbsorbEventKind.values());
        assertEquals(ADMIN, kinds.stream().filter(k -> k.audience() == AbsorbAudience.ADMIN)
                .map(AbsorbEventKind::displayName).toList());
        assertEquals(LEARNER, kinds.stream().filter(k -> k.audience() == AbsorbAudience.LEARNER)
                .map(AbsorbEventKind::displayName).toList());
        assertEquals(24, kinds.size());
    }

    @Test
    void typeIsTheDisplayNameInKebabCase() {
        assertEquals("user-created", AbsorbEventKind.USER_CREATED.type());
        assertEquals("enrollment-completed-by-admin", AbsorbEventKind.ENROLLMENT_COMPLETED_BY_ADMIN.type());
        assertEquals("self-assessment-completed", AbsorbEventKind.SELF_ASSESSMENT_COMPLETED.type());
        assertEquals("user-enrolled-in-course-by-learner",
                AbsorbEventKind.USER_ENROLLED_IN_COURSE_BY_LEARNER.type());
        for (AbsorbEventKind kind : AbsorbEventKind.values()) {
            assertTrue(kind.type().matches("[a-z]+(-[a-z]+)*"), kind.type());
        }
    }

    @Test
    void namesThatNormaliseAlikeAreOneKindAndDistinctKindsStayDistinct() {
        for (AbsorbEventKind kind : AbsorbEventKind.values()) {
            assertEquals(Optional.of(kind), AbsorbEventKind.fromName(kind.displayName()));
            assertEquals(Optional.of(kind), AbsorbEventKind.fromName(kind.type()));
            assertEquals(Optional.of(kind), AbsorbEventKind.fromName(kind.name()));
            assertEquals(Optional.of(kind), AbsorbEventKind.fromName(kind.displayName().replace(" ", "")));
        }
        assertEquals(24, Arrays.stream(AbsorbEventKind.values()).map(AbsorbEventKind::type).distinct().count());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "User", "User Created By Admin", "Course Completed", "\u212Aelvin",
            "U\u0073er Cre\u0430ted"})
    void otherNamesAreUnknown(String name) {
        assertEquals(Optional.empty(), AbsorbEventKind.fromName(name));
    }

    @Test
    void nullIsUnknown() {
        assertEquals(Optional.empty(), AbsorbEventKind.fromName(null));
    }
}
