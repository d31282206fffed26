package dev.hookyard.server.config;

import dev.hookyard.spi.Options;
import dev.hookyard.spi.Secret;
import java.util.List;

/**
 * One receiving endpoint as configured.
 *
 * @param name         the key under {@code endpoints:}
 * @param vendor       the vendor id
 * @param path         the exact request path
 * @param secrets      the active secrets (several during a rotation)
 * @param options      the vendor's options
 * @param maxBodyBytes the body limit for this endpoint
 */
public record EndpointConfig(String name, String vendor, String path, List<Secret> secrets, Options options,
                             int maxBodyBytes) {

    public EndpointConfig {
        secrets = List.copyOf(secrets);
    }

    /** The key path of this endpoint in the file, for error messages. */
    public String key() {
        return "endpoints." + name;
    }
}
