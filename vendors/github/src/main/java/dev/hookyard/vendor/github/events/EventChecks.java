package dev.hookyard.vendor.github.events;

import java.util.Objects;

/** Argument checks of GitHub's event records beyond {@code RecordArguments}; package-private so it never becomes API. */
final class EventChecks {

    private EventChecks() {
    }

    /** An action is what follows the event name in the type, so it must be there and not blank. */
    static void action(String action) {
        Objects.requireNonNull(action, "action");
        if (action.isBlank()) {
            throw new IllegalArgumentException("action must not be blank");
        }
    }
}
