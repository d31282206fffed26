package dev.hookyard.server.cli;

import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP reloads the configuration, as daemons conventionally do ({@code kill -HUP PID}, systemd's
 * {@code ExecReload}). Left to the JVM, SIGHUP would stop the process. {@code sun.misc.Signal} is in module
 * {@code jdk.unsupported}, which every JDK has and which a module may require without any command line flag
 * (unlike {@code jdk.internal.misc}).
 */
final class ReloadSignal {

    private ReloadSignal() {
    }

    /**
     * Runs {@code reload} on each SIGHUP (on a thread of the JVM's, one per signal).
     *
     * @return why SIGHUP cannot reload, if it cannot: the platform has no SIGHUP, or the process was started with
     *         SIGHUP ignored (as {@code nohup} does), which the JVM leaves as it is
     */
    static Optional<String> onHangup(Runnable reload) {
        try {
            SignalHandler previous = Signal.handle(new Signal("HUP"), signal -> reload.run());
            if (previous == SignalHandler.SIG_IGN) {
                return Optional.of("SIGHUP is ignored by this process (started with nohup?)");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("this platform has no SIGHUP");
        }
    }
}
