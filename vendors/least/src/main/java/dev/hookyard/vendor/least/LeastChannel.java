package dev.hookyard.vendor.least;

import dev.hookyard.vendor.least.events.BadgeEarned;
import dev.hookyard.vendor.least.events.LessonCompleted;
import dev.hookyard.vendor.least.events.LmsRuleEvent;
import dev.hookyard.vendor.least.events.WorkflowCompleted;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of LEAST's two webhook systems an endpoint receives, and so which signature header it accepts: the
 * Collection API signs in {@code X-LEAST-Signature}, Workflow Webhooks and the LMS Rule Engine in
 * {@code X-WF-Signature}.
 */
enum LeastChannel {
    COLLECTION(List.of(LeastChannel.COLLECTION_HEADER)),
    WORKFLOW(List.of(LeastChannel.WORKFLOW_HEADER)),
    /** Either header, but exactly one of them: both at once is ambiguous and rejected. */
    ANY(List.of(LeastChannel.COLLECTION_HEADER, LeastChannel.WORKFLOW_HEADER));

    static final String COLLECTION_HEADER = "X-LEAST-Signature";
    static final String WORKFLOW_HEADER = "X-WF-Signature";

    /** Events sent by Workflow Webhooks and the LMS Rule Engine; everything else is taken as Collection API. */
    private static final Set<String> WORKFLOW_EVENTS = workflowEvents();

    private final List<String> acceptedHeaders;

    LeastChannel(List<String> acceptedHeaders) {
        this.acceptedHeaders = acceptedHeaders;
    }

    /** The signature headers an endpoint on this channel looks for. */
    List<String> acceptedHeaders() {
        return acceptedHeaders;
    }

    /** The value of the {@code channel} option that selects this channel. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> optionValues() {
        return Arrays.stream(values()).map(LeastChannel::optionValue).toList();
    }

    /** The channel an (already validated) option value names. */
    static LeastChannel fromOption(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The header LEAST itself would sign an event with on this channel. A single-system endpoint always uses its
     * own header, so whatever is signed for it verifies there; on {@link #ANY} the event name decides, since that
     * is the only thing in a body that says which system sent it ({@code null} or unknown: Collection API).
     */
    String signingHeader(String eventName) {
        return switch (this) {
            case COLLECTION -> COLLECTION_HEADER;
            case WORKFLOW -> WORKFLOW_HEADER;
            case ANY -> eventName != null && WORKFLOW_EVENTS.contains(eventName) ? WORKFLOW_HEADER
                    : COLLECTION_HEADER;
        };
    }

    private static Set<String> workflowEvents() {
        Set<String> names = new HashSet<>(LmsRuleEvent.TYPES);
        names.addAll(List.of(LessonCompleted.TYPE, BadgeEarned.TYPE, WorkflowCompleted.TYPE));
        return Set.copyOf(names);
    }
}
