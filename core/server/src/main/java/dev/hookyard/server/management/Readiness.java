package dev.hookyard.server.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Whether the server can do its job: a list of named checks (store writable, plugins loaded, listener up), each
 * passing or failing with a short reason.
 */
public final class Readiness {

    /**
     * One check.
     *
     * @param name  shown in the answer, e.g. {@code store}
     * @param probe returns empty when ready, else why not; a thrown exception fails the check with its message
     */
    public record Check(String name, Callable<Optional<String>> probe) {
    }

    private final List<Check> checks;

    public Readiness(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Each check's name to "ok" or its failure, in order. */
    public Map<String, String> evaluate() {
        Map<String, String> results = new LinkedHashMap<>();
        for (Check check : checks) {
            String result;
            try {
                result = check.probe().call().map(reason -> "failed: " + reason).orElse("ok");
            } catch (Exception e) {
                result = "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            results.put(check.name(), result);
        }
        return results;
    }
}
