package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.Secret;

import java.util.List;
import java.util.Map;

/**
 * A SASL user name and password, and how they are proved to the broker.
 *
 * @param mechanism {@code PLAIN}, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
 * @param username  the SASL user
 * @param password  its password
 */
record SaslLogin(String mechanism, String username, Secret password) {

    private static final Map<String, String> LOGIN_MODULES = Map.of(
            "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
            "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    /** The mechanisms this plugin can log in with. */
    static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    SaslLogin {
        if (!LOGIN_MODULES.containsKey(mechanism)) {
            throw new IllegalArgumentException("unsupported SASL mechanism " + mechanism);
        }
    }

    /**
     * Kafka's {@code sasl.jaas.config} for this login. The values are quoted and escaped, so that a password with a
     * quote, a backslash or a semicolon is passed on as it is, never read as more of the configuration.
     */
    String jaasConfig() {
        return LOGIN_MODULES.get(mechanism) + " required username=" + quoted(username) + " password="
                + quoted(password.reveal()) + ";";
    }

    /** A JAAS configuration string literal (Java's {@link java.io.StreamTokenizer} rules, which Kafka parses with). */
    private static String quoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "SaslLogin[mechanism=" + mechanism + ", username=" + username + "]";
    }
}
