package dev.hookyard.server.inspect;

/** An operator's argument cannot be used; names the parameter (option or query parameter) and why. */
public final class BadArgumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public BadArgumentException(String parameter, String problem) {
        super(parameter + ": " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** The problem without the parameter name. */
    public String problem() {
        return getMessage().substring(parameter.length() + 2);
    }
}
