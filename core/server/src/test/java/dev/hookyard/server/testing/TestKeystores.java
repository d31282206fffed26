package dev.hookyard.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed PKCS12 keystores made by the JDK's own {@code keytool} (found through {@code java.home}), for
 * HTTPS tests: a certificate for {@code localhost} and {@code 127.0.0.1}, and a client SSLContext trusting it.
 */
public final class TestKeystores {

    private TestKeystores() {
    }

    /** Writes a new key pair and self-signed certificate (subject {@code CN=<name>}) into {@code keystore}. */
    public static void create(Path keystore, String password, String name) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        run(List.of(keytool.toString(), "-genkeypair", "-noprompt", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password,
                "-alias", "hookyard", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=dns:localhost,ip:127.0.0.1"));
    }

    /** Writes a keystore holding only a trusted certificate (no private key): unfit for a server. */
    public static void createCertificateOnly(Path keystore, String password, Path scratch) {
        Path withKey = scratch.resolve("with-key.p12");
        Path cert = scratch.resolve("cert.pem");
        create(withKey, password, "cert-only");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        run(List.of(keytool.toString(), "-exportcert", "-rfc", "-keystore", withKey.toString(), "-storepass", password,
                "-alias", "hookyard", "-file", cert.toString()));
        run(List.of(keytool.toString(), "-importcert", "-noprompt", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", password, "-alias", "trusted", "-file", cert.toString()));
    }

    /** The certificate in {@code keystore}. */
    public static X509Certificate certificate(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return (X509Certificate) store.getCertificate(store.aliases().nextElement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client TLS context that trusts exactly {@code certificate}. */
    public static SSLContext trusting(X509Certificate certificate) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            process.getInputStream().transferTo(output);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
