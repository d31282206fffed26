package dev.hookyard.server.console;

import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.RunStatus;

/** A status as a coloured word; the colour is a class, the word carries the meaning. */
final class Badges {

    private Badges() {
    }

    static String of(DeliveryStatus status) {
        return "<span class=\"badge s-" + status.code() + "\">" + status.code() + "</span>";
    }

    static String of(RunStatus status) {
        return "<span class=\"badge s-" + status.code() + "\">" + status.code() + "</span>";
    }
}
