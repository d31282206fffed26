package dev.hookyard.spi;

/**
 * Thrown by a factory at startup when an option is missing or wrong. The host reports it with the full
 * configuration path of the key, so the message must say what is wrong and how to fix it, and must never contain
 * the option's value when it may be a secret.
 */
public class InvalidOptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;
    private final String fix;

    /**
     * @param key     the option key, relative to {@code options:}
     * @param problem what is wrong, e.g. "must be one of collection, workflow, any"
     * @param fix     how to fix it, e.g. "set options.channel to collection"
     */
    public InvalidOptionException(String key, String problem, String fix) {
        super(key + ": " + problem + " (fix: " + fix + ")");
        this.key = Checks.notBlank(key, "key");
        this.problem = Checks.notBlank(problem, "problem");
        this.fix = Checks.notBlank(fix, "fix");
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
