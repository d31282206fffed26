package dev.hookyard.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used; carries every problem found so the operator can fix them in one go.
 * Messages name the file and key and never contain secret values.
 */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient List<ConfigProblem> problems;

    public InvalidConfigException(Path file, List<ConfigProblem> problems) {
        super(render(file, problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(Path file, List<ConfigProblem> problems) {
        return "invalid configuration in " + file + ":" + problems.stream()
                .map(p -> "\n  - " + p)
                .collect(Collectors.joining());
    }
}
