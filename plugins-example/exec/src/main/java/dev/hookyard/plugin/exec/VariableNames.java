package dev.hookyard.plugin.exec;

import dev.hookyard.spi.InvalidOptionException;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which environment variable names the {@code env} option may fill from payload values.
 *
 * <p>A name must match {@code [A-Z_][A-Z0-9_]*}. Names Hookyard sets itself ({@code HOOKYARD_*}) are reserved, and so
 * are names that change how a program is found, loaded or interpreted ({@code PATH}, {@code LD_PRELOAD},
 * {@code BASH_ENV}, {@code NODE_OPTIONS}...): filled from the body, they would let whoever sends the webhook choose
 * what runs, which is exactly what running without a shell is meant to prevent.
 */
final class VariableNames {

    /** Prefix of the variables Hookyard sets for every run. */
    static final String RESERVED_PREFIX = "HOOKYARD_";

    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private static final Set<String> DANGEROUS = Set.of(
            "PATH", "IFS", "ENV", "BASH_ENV", "SHELLOPTS", "BASHOPTS", "PS4", "CDPATH", "PROMPT_COMMAND", "GLOBIGNORE",
            "HOME", "SHELL", "TMPDIR", "GCONV_PATH", "LOCPATH", "NLSPATH", "HOSTALIASES", "RESOLV_HOST_CONF",
            "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONINSPECT", "PERL5LIB", "PERLLIB", "PERL5OPT",
            "RUBYLIB", "RUBYOPT", "NODE_OPTIONS", "NODE_PATH", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS", "CLASSPATH", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_EXEC_PATH", "EDITOR", "VISUAL",
            "PAGER");
    private static final List<String> DANGEROUS_PREFIXES = List.of("LD_", "DYLD_", "BASH_FUNC_");

    private VariableNames() {
    }

    /** Checks one name of the {@code env} option, or says which key is wrong and why. */
    static void check(String optionKey, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidOptionException(optionKey + "." + name,
                    "is not a valid variable name: use A-Z, 0-9 and _, not starting with a digit",
                    "rename it, e.g. RECORD_ID");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            throw new InvalidOptionException(optionKey + "." + name, "is reserved: Hookyard sets HOOKYARD_* itself",
                    "choose a name that does not start with " + RESERVED_PREFIX);
        }
        if (DANGEROUS.contains(name) || DANGEROUS_PREFIXES.stream().anyMatch(name::startsWith)) {
            throw new InvalidOptionException(optionKey + "." + name,
                    "would let a payload value change which program runs or how (like PATH, LD_*, BASH_ENV)",
                    "choose another name for this value");
        }
    }
}
