package dev.hookyard.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The text that reports an invalid configuration, the same wherever it is shown: by {@code hookyard check}, and in
 * the log when a reload is refused. Keys, problems and fixes only: they never hold a value from the file.
 */
public final class ProblemReport {

    private ProblemReport() {
    }

    /** {@code N problems in FILE:}, then each problem's key, problem and fix, a blank line before each. */
    public static String render(Path file, List<ConfigProblem> problems) {
        StringBuilder text = new StringBuilder(count(problems.size(), "problem") + " in " + file + ":\n");
        for (ConfigProblem problem : problems) {
            text.append('\n')
                    .append("  ").append(problem.key()).append('\n')
                    .append("    problem: ").append(problem.problem()).append('\n')
                    .append("    fix:     ").append(problem.fix()).append('\n');
        }
        return text.toString();
    }

    /** {@code 1 route}, {@code 2 routes}. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
