package dev.hookyard.server.cli;

/** Exit statuses of the {@code hookyard} command, documented in its help. */
final class ExitCodes {
    static final int OK = 0;
    /** Something failed unexpectedly. */
    static final int FAILURE = 1;
    /** The configuration (or a plugin, or the command line) is invalid: fix it and start again. */
    static final int CONFIG = 2;
    /** The store cannot be opened (permissions, disk, another process). */
    static final int UNAVAILABLE = 3;
    /** The delivery asked for does not exist, or there was nothing to replay it to. */
    static final int NOT_FOUND = 4;
    /** {@code send}: the receiver answered with a status other than 2xx. */
    static final int REFUSED = 5;
    /** {@code send}: the receiver did not answer (connection refused, timeout). */
    static final int NO_ANSWER = 6;
    /** {@code check --delivery}: no route (or not the route asked about) selects the delivery. */
    static final int NOT_SELECTED = 7;

    private ExitCodes() {
    }
}
