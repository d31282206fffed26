package dev.hookyard.vendor.absorb.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every event Absorb LMS documents, so a handler can {@code switch} over {@link AbsorbEvent#kind()} with the
 * compiler checking the cases.
 *
 * <p>Each kind has three names:
 * <ul>
 *   <li>{@link #displayName()}: Absorb's own name, as its admin UI and documentation spell it
 *       ({@code "Enrollment Completed by Admin"});</li>
 *   <li>{@link #type()}: Hookyard's event type, the display name in lower case with spaces turned into hyphens
 *       ({@code "enrollment-completed-by-admin"}). It is what {@link AbsorbEvent#type()} returns, what the catalog
 *       lists, and what route globs match ({@code course-bundle-*}, {@code *-awarded});</li>
 *   <li>the match key: Absorb does not publish how the name is spelled on the wire, so {@link #fromName(String)}
 *       compares names after dropping everything but ASCII letters and digits and lower-casing them
 *       ({@code "User Created"}, {@code "UserCreated"}, {@code "USER_CREATED"} and {@code "user-created"} are one).
 *       A {@link #type()} therefore also reads back as its own kind.</li>
 * </ul>
 */
public enum AbsorbEventKind {
    // Administrator events, in the order of Absorb's documentation.
    USER_CREATED("User Created", AbsorbAudience.ADMIN),
    ONLINE_COURSE_ACTIVATED("Online Course Activated", AbsorbAudience.ADMIN),
    ENROLLMENT_COMPLETED_BY_ADMIN("Enrollment Completed by Admin", AbsorbAudience.ADMIN),
    DEPARTMENT_CREATED("Department Created", AbsorbAudience.ADMIN),
    DEPARTMENT_DELETED("Department Deleted", AbsorbAudience.ADMIN),
    GROUP_CREATED("Group Created", AbsorbAudience.ADMIN),
    GROUP_DELETED("Group Deleted", AbsorbAudience.ADMIN),
    CURRICULUM_ACTIVATED("Curriculum Activated", AbsorbAudience.ADMIN),
    CURRICULUM_DEACTIVATED("Curriculum Deactivated", AbsorbAudience.ADMIN),
    INSTRUCTOR_LED_COURSE_ACTIVATED("Instructor Led Course Activated", AbsorbAudience.ADMIN),
    INSTRUCTOR_LED_COURSE_DEACTIVATED("Instructor Led Course Deactivated", AbsorbAudience.ADMIN),
    ONLINE_COURSE_DEACTIVATED("Online Course Deactivated", AbsorbAudience.ADMIN),
    COURSE_BUNDLE_ACTIVATED("Course Bundle Activated", AbsorbAudience.ADMIN),
    COURSE_BUNDLE_DEACTIVATED("Course Bundle Deactivated", AbsorbAudience.ADMIN),
    COURSE_BUNDLE_DELETED("Course Bundle Deleted", AbsorbAudience.ADMIN),
    USER_ENROLLED_IN_COURSE_BY_ADMIN("User Enrolled in Course by Admin", AbsorbAudience.ADMIN),
    // Learner events, in the order of Absorb's documentation.
    ENROLLMENT_COMPLETED_BY_LEARNER("Enrollment Completed by Learner", AbsorbAudience.LEARNER),
    CERTIFICATE_AWARDED("Certificate Awarded", AbsorbAudience.LEARNER),
    COMPETENCY_AWARDED("Competency Awarded", AbsorbAudience.LEARNER),
    COURSE_CREDITS_AWARDED("Course Credits Awarded", AbsorbAudience.LEARNER),
    SESSION_ENROLLMENT_COMPLETED("Session Enrollment Completed", AbsorbAudience.LEARNER),
    /** Sent only to portals with Absorb's Skills subscription. */
    SELF_ASSESSMENT_COMPLETED("Self-Assessment Completed", AbsorbAudience.LEARNER),
    /** Sent only to portals with Absorb's Skills subscription. */
    LEARNING_PATH_COMPLETED("Learning Path Completed", AbsorbAudience.LEARNER),
    USER_ENROLLED_IN_COURSE_BY_LEARNER("User Enrolled in Course by Learner", AbsorbAudience.LEARNER);

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

    private static final Map<String, AbsorbEventKind> BY_MATCH_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(kind -> matchKey(kind.displayName), Function.identity()));

    private final String displayName;
    private final AbsorbAudience audience;
    private final String type;

    AbsorbEventKind(String displayName, AbsorbAudience audience) {
        this.displayName = displayName;
        this.audience = audience;
        this.type = displayName.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** Absorb's own name for the event, e.g. {@code "User Created"}. */
    public String displayName() {
        return displayName;
    }

    /** Whether an admin or a learner caused it, and so whether it arrives as {@link AdminEvent} or {@link LearnerEvent}. */
    public AbsorbAudience audience() {
        return audience;
    }

    /** Hookyard's event type for it, e.g. {@code "user-created"}: see the class description. */
    public String type() {
        return type;
    }

    /**
     * The kind an event name sent by Absorb stands for, matched in any case and ignoring everything but ASCII
     * letters and digits; empty for a name Absorb does not document (or {@code null}).
     */
    public static Optional<AbsorbEventKind> fromName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_MATCH_KEY.get(matchKey(name)));
    }

    /** ASCII-only on purpose: a Unicode-aware fold would make e.g. a Kelvin sign or a dotless i match a letter. */
    private static String matchKey(String name) {
        return NOT_ALPHANUMERIC.matcher(name).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
