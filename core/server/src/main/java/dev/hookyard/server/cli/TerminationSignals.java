package dev.hookyard.server.cli;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly stop. Left to the JVM, these signals run the shutdown hooks and then end
 * the process with status 143 (or 130), which service managers report as a failure; handling them lets
 * {@code hookyard run} stop accepting, finish in-flight work, and exit 0.
 */
final class TerminationSignals {

    private TerminationSignals() {
    }

    /** Runs {@code action} (once per signal) when the process is asked to terminate. */
    static void onTermination(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> action.run());
            } catch (IllegalArgumentException e) {
                // This platform has no such signal; the JVM's default handling stays in place for it.
            }
        }
    }
}
