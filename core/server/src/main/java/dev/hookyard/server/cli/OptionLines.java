package dev.hookyard.server.cli;

import dev.hookyard.spi.OptionSpec;
import java.io.PrintWriter;
import java.util.List;

/** The options of a vendor or handler type as 'vendors' and 'plugins' print them: one aligned line each. */
final class OptionLines {

    private OptionLines() {
    }

    /** Prints "options: none", or "options:" and a line per option, under {@code indent}. */
    static void print(PrintWriter out, String indent, List<OptionSpec> options) {
        if (options.isEmpty()) {
            out.println(indent + "options: none");
            return;
        }
        out.println(indent + "options:");
        int width = options.stream().mapToInt(o -> o.name().length()).max().orElse(0);
        for (OptionSpec option : options) {
            out.println(indent + "  " + pad(option.name(), width) + "  " + (option.required() ? "required" : "optional")
                    + (option.secret() ? ", secret" : "") + "  " + option.description());
        }
    }

    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
