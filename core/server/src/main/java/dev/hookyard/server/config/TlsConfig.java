package dev.hookyard.server.config;

import dev.hookyard.spi.Secret;
import java.nio.file.Path;
import java.time.Duration;

/**
 * HTTPS for the delivery listener ({@code server.tls}). The keystore is checked when the configuration is loaded:
 * it exists, the password opens it, and it holds a private key with its certificate.
 *
 * @param keystore       the PKCS12 keystore (absolute; relative paths in the file start at the Hookyard home)
 * @param password       the keystore's password, also the private key's
 * @param reloadInterval how often the keystore file is checked for changes; zero turns reloading off
 */
public record TlsConfig(Path keystore, Secret password, Duration reloadInterval) {

    /** Default {@link #reloadInterval}. */
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(60);

    @Override
    public String toString() {
        return "TlsConfig[keystore=" + keystore + ", reloadInterval=" + reloadInterval + "]";
    }
}
