package dev.hookyard.server.assembly;

import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.DidYouMean;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks configured options against a factory's declared {@link OptionSpec}s: unknown keys and missing ones. */
public final class OptionCheck {

    private OptionCheck() {
    }

    /**
     * Adds a problem for each key of {@code options} that {@code specs} does not declare and each required one
     * missing; {@code key} is where the options live ({@code endpoints.x.options}), {@code owner} who declares
     * them ({@code vendor least}).
     */
    public static void check(String key, Options options, List<OptionSpec> specs, String owner, List<ConfigProblem> problems) {
        Set<String> known = specs.stream().map(OptionSpec::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        for (String name : options.keys()) {
            if (!known.contains(name)) {
                problems.add(new ConfigProblem(key + "." + name, "is not an option of " + owner
                        + DidYouMean.hint(name, known),
                        known.isEmpty() ? "remove it: " + owner + " takes no options"
                                : "remove it or use one of " + String.join(", ", known)));
            }
        }
        for (OptionSpec spec : specs) {
            if (spec.required() && !options.has(spec.name())) {
                problems.add(new ConfigProblem(key + "." + spec.name(), "is required by " + owner,
                        "add " + spec.name() + ": <value> (" + spec.description() + ")"));
            }
        }
    }
}
