package dev.hookyard.plugin.exec;

import java.time.Duration;

/**
 * The command exited non-zero, ran out of time, or was killed at shutdown: thrown from the handler, so the host
 * retries the event. The message has the program's file name, the exit code (or the timeout) and the end of its
 * stderr; never the arguments (which may hold configured credentials) nor any environment value.
 */
public final class CommandFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final boolean timedOut;
    private final String stderrTail;

    private CommandFailedException(String message, int exitCode, boolean timedOut, String stderrTail) {
        super(message);
        this.exitCode = exitCode;
        this.timedOut = timedOut;
        this.stderrTail = stderrTail;
    }

    static CommandFailedException exited(String program, int exitCode, String stderrTail) {
        return new CommandFailedException(program + " exited with code " + exitCode + stderrPart(stderrTail),
                exitCode, false, stderrTail);
    }

    static CommandFailedException timedOut(String program, Duration timeout, int killed, String stderrTail) {
        return new CommandFailedException(program + " did not finish within " + timeout.toSeconds()
                + "s (timeoutSeconds); killed it and " + killed + " descendant process(es)" + stderrPart(stderrTail),
                -1, true, stderrTail);
    }

    static CommandFailedException stopped(String program) {
        return new CommandFailedException(program + " was killed because the handler was closed (Hookyard is"
                + " stopping); the event is retried", -1, false, "");
    }

    private static String stderrPart(String tail) {
        return tail.isEmpty() ? "; stderr was empty" : "; end of stderr: " + tail;
    }

    /** The exit code, or -1 when the command was killed (timeout or shutdown). */
    public int exitCode() {
        return exitCode;
    }

    /** Whether the command was killed for running longer than {@code timeoutSeconds}. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Up to the last KiB of the command's stderr, as text. */
    public String stderrTail() {
        return stderrTail;
    }
}
