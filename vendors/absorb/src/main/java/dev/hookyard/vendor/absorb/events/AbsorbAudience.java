package dev.hookyard.vendor.absorb.events;

/**
 * Who drives an Absorb event, as Absorb's own documentation groups them: administrator events carry the id of the
 * admin who acted, learner events do not.
 */
public enum AbsorbAudience {
    /** An event an administrator caused ("User Created", "Course Bundle Deleted", ...): an {@link AdminEvent}. */
    ADMIN,
    /** An event a learner caused ("Certificate Awarded", "Learning Path Completed", ...): a {@link LearnerEvent}. */
    LEARNER
}
