package dev.hookyard.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:PATH}} references in configuration values, so secrets stay out of
 * the configuration file. A file's content is used without its trailing line break; relative file paths resolve
 * against the Hookyard home directory. Problems are reported by key and reference, never with the resolved value.
 */
final class ReferenceResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([a-zA-Z]+):([^}]*)}");

    private final Path home;
    private final Function<String, String> environment;
    private final boolean tolerateUnresolved;

    ReferenceResolver(Path home, Function<String, String> environment) {
        this(home, environment, false);
    }

    /**
     * @param tolerateUnresolved leave a reference that cannot be resolved as it is, without a problem, except under
     *                           {@code store.} and {@code management.} but for {@code management.token}, which no
     *                           inspecting command uses (see {@link ConfigLoader#forInspection})
     */
    ReferenceResolver(Path home, Function<String, String> environment, boolean tolerateUnresolved) {
        this.home = home;
        this.environment = environment;
        this.tolerateUnresolved = tolerateUnresolved;
    }

    /** The value with every reference replaced, or {@code null} after adding a problem for {@code key}. */
    String resolve(String key, String value, List<ConfigProblem> problems) {
        if (value.indexOf("${") < 0) {
            return value;
        }
        if (tolerateUnresolved && (!key.startsWith("store.") && !key.startsWith("management.")
                || key.equals("management.token"))) {
            List<ConfigProblem> ignored = new java.util.ArrayList<>();
            String resolved = resolveStrictly(key, value, ignored);
            return resolved != null ? resolved : value;
        }
        return resolveStrictly(key, value, problems);
    }

    private String resolveStrictly(String key, String value, List<ConfigProblem> problems) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (matcher.find()) {
            String kind = matcher.group(1);
            String target = matcher.group(2).trim();
            String replacement = switch (kind) {
                case "env" -> fromEnvironment(key, target, problems);
                case "file" -> fromFile(key, target, problems);
                default -> {
                    problems.add(new ConfigProblem(key, "unknown reference kind '" + kind + "'",
                            "use ${env:NAME} or ${file:PATH}"));
                    yield null;
                }
            };
            if (replacement == null) {
                ok = false;
                replacement = "";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return ok ? out.toString() : null;
    }

    private String fromEnvironment(String key, String name, List<ConfigProblem> problems) {
        if (name.isEmpty()) {
            problems.add(new ConfigProblem(key, "${env:} names no variable", "write ${env:NAME}"));
            return null;
        }
        String value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            problems.add(new ConfigProblem(key, "environment variable " + name + " is not set",
                    "export " + name + "=<value> before starting Hookyard, or use ${file:PATH}"));
            return null;
        }
        return value;
    }

    private String fromFile(String key, String pathText, List<ConfigProblem> problems) {
        if (pathText.isEmpty()) {
            problems.add(new ConfigProblem(key, "${file:} names no file", "write ${file:PATH}"));
            return null;
        }
        Path path;
        try {
            path = home.resolve(pathText).normalize();
        } catch (InvalidPathException e) {
            problems.add(new ConfigProblem(key, "${file:} names an invalid path", "write ${file:PATH} with a valid"
                    + " file path (relative paths start at " + home + ")"));
            return null;
        }
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            String trimmed = content.replaceFirst("\\R+$", "");
            if (trimmed.isEmpty()) {
                problems.add(new ConfigProblem(key, "file " + path + " is empty", "write the value into " + path));
                return null;
            }
            return trimmed;
        } catch (IOException | RuntimeException e) {
            problems.add(new ConfigProblem(key, "cannot read file " + path + " (" + e.getClass().getSimpleName() + ")",
                    "create " + path + " readable by the Hookyard user, or fix the path (relative paths start at "
                            + home + ")"));
            return null;
        }
    }
}
