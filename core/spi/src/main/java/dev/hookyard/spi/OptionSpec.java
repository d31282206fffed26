package dev.hookyard.spi;

/**
 * Describes one option a vendor or handler accepts, so the host can reject unknown keys, report missing ones,
 * list options in the CLI and mask secret values.
 *
 * @param name        the key under {@code options:}
 * @param description what it does, including its default when optional
 * @param required    whether startup fails without it
 * @param secret      whether the value is a credential (masked everywhere the host shows configuration)
 */
public record OptionSpec(String name, String description, boolean required, boolean secret) {

    public OptionSpec {
        Checks.notBlank(name, "name");
        Checks.notBlank(description, "description");
    }

    public static OptionSpec optional(String name, String description) {
        return new OptionSpec(name, description, false, false);
    }

    public static OptionSpec required(String name, String description) {
        return new OptionSpec(name, description, true, false);
    }

    /** This option, marked as holding a credential. */
    public OptionSpec asSecret() {
        return new OptionSpec(name, description, required, true);
    }
}
