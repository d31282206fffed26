package dev.hookyard.server.cli;

/**
 * A command cannot do what it was asked, for a reason the user can fix: printed as {@code hookyard COMMAND: message}
 * (no stack trace) and turned into the exit status.
 */
final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailedException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
