package dev.hookyard.server.config;

/**
 * One thing wrong with the configuration.
 *
 * @param key     the full key path, e.g. {@code endpoints.least.secrets[0]}
 * @param problem what is wrong; never contains a secret value
 * @param fix     how to fix it
 */
public record ConfigProblem(String key, String problem, String fix) {

    @Override
    public String toString() {
        return key + ": " + problem + " (fix: " + fix + ")";
    }
}
