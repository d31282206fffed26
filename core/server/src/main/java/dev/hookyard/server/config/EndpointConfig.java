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
 * @param keyring      the configured secrets (several during a rotation), each with its {@code notAfter} if any
 * @param options      the vendor's options
 * @param maxBodyBytes the body limit for this endpoint
 * @param admission    who may call, how often, and the header and body-time limits
 */
public record EndpointConfig(String name, String vendor, String path, List<KeyringEntry> keyring, Options options,
                             int maxBodyBytes, EndpointAdmission admission) {

    public EndpointConfig {
        keyring = List.copyOf(keyring);
    }

    /** An endpoint whose secrets never expire, open to everyone, with the default limits. */
    public EndpointConfig(String name, String vendor, String path, List<Secret> secrets, Options options,
                          int maxBodyBytes) {
        this(name, vendor, path, secrets.stream().map(KeyringEntry::of).toList(), options, maxBodyBytes,
                EndpointAdmission.defaults());
    }

    /** Every configured secret, expired or not, in configuration order. */
    public List<Secret> secrets() {
        return keyring.stream().map(KeyringEntry::secret).toList();
    }

    /** The key path of this endpoint in the file, for error messages. */
    public String key() {
        return "endpoints." + name;
    }
}
