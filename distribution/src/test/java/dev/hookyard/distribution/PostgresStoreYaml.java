package dev.hookyard.distribution;

import dev.hookyard.server.testing.PostgresCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code store:} section of a node on a test database, the password passed in the environment. */
final class PostgresStoreYaml {

    /** The variable the section's password reference names. */
    static final String PASSWORD_VARIABLE = "HOOKYARD_DB_PASSWORD";

    private PostgresStoreYaml() {
    }

    /** The section's lines, with {@code moreKeys} (e.g. {@code "poolSize: 4"}) added under {@code store:}. */
    static String section(PostgresCluster.Database db, String schema, String... moreKeys) {
        List<String> lines = new ArrayList<>(List.of(
                "store:",
                "  type: postgres",
                "  url: " + db.url(),
                "  user: " + db.user(),
                "  password: \"${env:" + PASSWORD_VARIABLE + "}\"",
                "  schema: " + schema));
        for (String key : moreKeys) {
            lines.add("  " + key);
        }
        return String.join("\n", lines);
    }

    /** The environment the section needs. */
    static Map<String, String> environment(PostgresCluster.Database db) {
        return Map.of(PASSWORD_VARIABLE, db.password());
    }
}
