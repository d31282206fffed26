package dev.hookyard.plugin.exec;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@code exec} handlers. Everything that can be checked before the first event is checked here, so that a
 * wrong path stops startup with the key to fix: the program must exist and be executable (a name without a
 * {@code /} is looked up on PATH once, here, and run by that absolute path from then on), the working directory must
 * exist, and the {@code env} names and pointers must be valid.
 */
public final class ExecHandlerFactory implements HandlerFactory {

    static final String TYPE = "exec";
    static final String COMMAND = "command";
    static final String ENV = "env";
    static final String TIMEOUT_SECONDS = "timeoutSeconds";
    static final String MAX_CONCURRENT = "maxConcurrent";
    static final String WORKING_DIRECTORY = "workingDirectory";
    static final String INHERIT_ENVIRONMENT = "inheritEnvironment";

    /** PATH for the command when Hookyard itself has none. */
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Runs a command (an argument list, never a shell line) with the event body on stdin and chosen body"
                + " fields as environment variables";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.required(COMMAND, "the program and its arguments as a list, e.g. [/opt/hooks/sync.sh,"
                        + " --verbose]; run directly, never through a shell; a relative program path is relative to"
                        + " the Hookyard home, a bare name is looked up on PATH"),
                OptionSpec.optional(ENV, "environment variables set from the body: NAME: /json/pointer; a pointer"
                        + " that finds nothing leaves the variable unset"),
                OptionSpec.optional(TIMEOUT_SECONDS, "seconds a run may take before it and its children are"
                        + " killed and the event retried; default 30"),
                OptionSpec.optional(MAX_CONCURRENT, "runs of this handler under way at once; default 4"),
                OptionSpec.optional(WORKING_DIRECTORY, "directory the command runs in, relative to the Hookyard"
                        + " home; default the Hookyard home"),
                OptionSpec.optional(INHERIT_ENVIRONMENT, "true to pass Hookyard's own environment to the command;"
                        + " default false: only PATH and the HOOKYARD_* and env variables"));
    }

    @Override
    public Handler create(HandlerContext context) {
        Options options = context.options();
        String basePath = Optional.ofNullable(System.getenv("PATH")).filter(p -> !p.isBlank()).orElse(DEFAULT_PATH);
        List<String> command = command(context, options, basePath);
        Path workingDirectory = workingDirectory(context, options);
        Duration timeout = Duration.ofSeconds(options.longValue(TIMEOUT_SECONDS, 30, 1, 86_400));
        int maxConcurrent = (int) options.longValue(MAX_CONCURRENT, 4, 1, 1_000);
        boolean inherit = options.bool(INHERIT_ENVIRONMENT, false);
        PayloadVariables variables = PayloadVariables.of(ENV, options.stringMap(ENV));
        return new ExecHandler(new CommandSettings(command, workingDirectory, timeout, maxConcurrent, inherit,
                basePath, variables));
    }

    /** The argument vector, its program resolved to an absolute path when it is given as one. */
    private static List<String> command(HandlerContext context, Options options, String basePath) {
        Object raw = options.raw(COMMAND).orElseThrow(() -> new InvalidOptionException(COMMAND, "is required",
                "add " + COMMAND + ": [/path/to/program, argument, ...]"));
        if (raw instanceof String line && line.strip().chars().anyMatch(Character::isWhitespace)) {
            // Splitting it would be a shell's job, with a shell's quoting rules: Hookyard does not guess.
            throw new InvalidOptionException(COMMAND, "is a command line, but Hookyard never runs a shell",
                    "write the program and each argument as a list: " + COMMAND + ": [program, arg1, arg2]");
        }
        List<String> command = new ArrayList<>(options.stringList(COMMAND));
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new InvalidOptionException(COMMAND, "must start with the program to run",
                    "write " + COMMAND + ": [/path/to/program, argument, ...]");
        }
        command.set(0, program(context, command.get(0), basePath).toString());
        return command;
    }

    private static Path program(HandlerContext context, String program, String basePath) {
        if (program.contains("/") || program.contains(File.separator)) {
            Path path = context.resolve(program);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new InvalidOptionException(COMMAND, "names a program that is not an executable file: " + path,
                        "check the path, or make the file executable (chmod +x)");
            }
            return path;
        }
        for (String directory : basePath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                // Fixed now, so a PATH change or a same-named file appearing later cannot swap the program.
                return candidate.toAbsolutePath();
            }
        }
        throw new InvalidOptionException(COMMAND, "names a program that is not on PATH: " + program,
                "give the program's absolute path, e.g. /usr/local/bin/" + program);
    }

    private static Path workingDirectory(HandlerContext context, Options options) {
        Optional<String> configured = options.string(WORKING_DIRECTORY).filter(s -> !s.isBlank());
        Path directory = configured.map(context::resolve).orElse(context.homeDirectory());
        if (!Files.isDirectory(directory)) {
            throw new InvalidOptionException(WORKING_DIRECTORY, "is not an existing directory: " + directory,
                    "create it, or point " + WORKING_DIRECTORY + " at one");
        }
        return directory;
    }
}
