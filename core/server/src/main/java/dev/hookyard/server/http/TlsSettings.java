package dev.hookyard.server.http;

import dev.hookyard.server.config.TlsConfig;
import org.eclipse.jetty.util.ssl.KeyStoreScanner;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's TLS: a PKCS12 keystore, TLS 1.2 and 1.3 only, and a scanner that reloads the keystore when its
 * file changes, so a renewed certificate is served without a restart (connections already open keep theirs).
 */
final class TlsSettings {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.tls");

    private TlsSettings() {
    }

    static SslContextFactory.Server contextFactory(TlsConfig tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(tls.password().reveal());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // One certificate for the whole listener: no per-host selection, so no SNI requirements either.
        ssl.setSniRequired(false);
        return ssl;
    }

    /** Reloads {@code ssl}'s keystore when the file changes, checking every {@code tls.reloadInterval()}. */
    static KeyStoreScanner reloader(SslContextFactory.Server ssl, TlsConfig tls) {
        KeyStoreScanner scanner = new KeyStoreScanner(ssl) {
            @Override
            public void reload() {
                super.reload();
                LOG.info("TLS keystore {} changed; new connections use its current certificate", tls.keystore());
            }
        };
        scanner.setScanInterval((int) Math.max(1, tls.reloadInterval().toSeconds()));
        return scanner;
    }
}
