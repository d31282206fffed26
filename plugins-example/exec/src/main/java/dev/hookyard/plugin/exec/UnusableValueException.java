package dev.hookyard.plugin.exec;

/**
 * A payload value that no environment can carry (a NUL character, or too long for the operating system). Retrying
 * cannot help, so the handler drops the event with this message, which names the variable but never the value.
 */
final class UnusableValueException extends Exception {

    private static final long serialVersionUID = 1L;

    UnusableValueException(String message) {
        super(message);
    }
}
