package dev.hookyard.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.server.config.HookyardConfig.ReloadSettings;
import java.util.Set;

/** Reads {@code reload:}: whether a change to the configuration file reloads it by itself. */
final class ReloadSection {

    private static final Set<String> KEYS = Set.of("watch");

    private ReloadSection() {
    }

    static ReloadSettings read(ConfigLoader.Section section, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return ReloadSettings.DEFAULT;
        }
        if (!node.isObject()) {
            section.problem("reload", "must be a map of keys to values", "write reload: { watch: true }");
            return ReloadSettings.DEFAULT;
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!KEYS.contains(field)) {
                section.problem("reload." + field, "is not a known key" + DidYouMean.hint(field, KEYS),
                        "remove it; reload: takes watch: true or false");
            }
        });
        String watch = section.text(node, "reload", "watch", "false").trim();
        if (!watch.equalsIgnoreCase("true") && !watch.equalsIgnoreCase("false")) {
            section.problem("reload.watch", "must be true or false",
                    "write watch: true (a change to the file reloads it) or watch: false (the default)");
            return ReloadSettings.DEFAULT;
        }
        return new ReloadSettings(watch.equalsIgnoreCase("true"));
    }
}
