package dev.hookyard.server.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.server.config.ConfigProblem;
import dev.hookyard.server.config.ProblemReport;
import dev.hookyard.server.inspect.DeliveryJson;
import dev.hookyard.server.reload.ReloadOutcome;
import java.util.List;

/** The JSON answer of {@code POST /reload}: names, keys and a hash, never a configured value. */
final class ReloadJson {

    private ReloadJson() {
    }

    static ObjectNode of(ReloadOutcome outcome) {
        ObjectNode body = DeliveryJson.MAPPER.createObjectNode();
        // Java 17 has no pattern switch: the sealed type has these two kinds, and the last branch is the other one.
        if (outcome instanceof ReloadOutcome.Applied applied) {
            body.put("status", "applied");
            common(body, outcome);
            body.put("sha256", applied.fileSha256());
            changes(body.putObject("endpoints"), applied.endpoints());
            changes(body.putObject("handlers"), applied.handlers());
            body.put("routes", applied.routes());
            strings(body.putArray("needsRestart"), applied.needsRestart());
        } else {
            ReloadOutcome.Refused refused = (ReloadOutcome.Refused) outcome;
            body.put("status", "refused");
            common(body, outcome);
            body.put("error", ProblemReport.count(refused.problems().size(), "problem")
                    + " in the configuration; the running configuration stays in use");
            ArrayNode problems = body.putArray("problems");
            for (ConfigProblem problem : refused.problems()) {
                problems.addObject().put("key", problem.key()).put("problem", problem.problem())
                        .put("fix", problem.fix());
            }
        }
        return body;
    }

    private static void common(ObjectNode body, ReloadOutcome outcome) {
        body.put("trigger", outcome.trigger().code());
        body.put("at", outcome.at().toString());
        body.put("file", outcome.file().toString());
    }

    private static void changes(ObjectNode node, ReloadOutcome.Changes changes) {
        strings(node.putArray("added"), changes.added());
        strings(node.putArray("removed"), changes.removed());
        strings(node.putArray("changed"), changes.changed());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
