package dev.hookyard.server.config;

import dev.hookyard.spi.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;

/**
 * Opens the TLS keystore the way the listener will, so that a wrong path, password or content stops startup with a
 * message naming the key instead of failing the first handshake. The password never appears in a problem.
 */
final class KeystoreCheck {

    private KeystoreCheck() {
    }

    /**
     * Adds a problem for {@code key}.keystore or {@code key}.password if the keystore cannot serve HTTPS; problems
     * name the keystore as {@code shown} (its path, or the reference it came from).
     */
    static void check(String key, Path keystore, String shown, Secret password, List<ConfigProblem> problems) {
        String keystoreKey = key + ".keystore";
        String passwordKey = key + ".password";
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
        } catch (GeneralSecurityException e) {
            problems.add(new ConfigProblem(keystoreKey, "this Java has no PKCS12 support", "run Hookyard on a full JDK"));
            return;
        }
        char[] chars = password.reveal().toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, chars);
        } catch (NoSuchFileException e) {
            problems.add(new ConfigProblem(keystoreKey, "file " + shown + " does not exist",
                    "create a PKCS12 keystore there (e.g. keytool -genkeypair -storetype PKCS12 -keystore "
                            + shown + "), or fix the path (relative paths start at the Hookyard home)"));
            return;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || isWrongPassword(e)) {
                problems.add(new ConfigProblem(passwordKey, "does not open the keystore " + shown,
                        "set the keystore's password (keep it out of the file with ${env:NAME} or ${file:PATH})"));
            } else if (Files.isDirectory(keystore) || !Files.isReadable(keystore)) {
                problems.add(new ConfigProblem(keystoreKey, "cannot read " + shown,
                        "make it a keystore file readable by the Hookyard user"));
            } else {
                problems.add(new ConfigProblem(keystoreKey, shown + " is not a PKCS12 keystore",
                        "convert it, e.g. openssl pkcs12 -export -in cert.pem -inkey key.pem -out tls.p12"));
            }
            return;
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add(new ConfigProblem(keystoreKey, shown + " cannot be loaded (" + e.getClass().getSimpleName()
                    + ")", "check that it is a PKCS12 keystore"));
            return;
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
        privateKey(store, shown, password, keystoreKey, passwordKey, problems);
    }

    private static void privateKey(KeyStore store, String keystore, Secret password, String keystoreKey,
                                   String passwordKey, List<ConfigProblem> problems) {
        boolean keyWithOtherPassword = false;
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Certificate[] chain = store.getCertificateChain(alias);
                try {
                    if (store.getKey(alias, password.reveal().toCharArray()) instanceof PrivateKey
                            && chain != null && chain.length > 0) {
                        return;
                    }
                } catch (UnrecoverableKeyException e) {
                    keyWithOtherPassword = true;
                }
            }
        } catch (GeneralSecurityException e) {
            problems.add(new ConfigProblem(keystoreKey, keystore + " cannot be read (" + e.getClass().getSimpleName()
                    + ")", "check that it is a PKCS12 keystore"));
            return;
        }
        if (keyWithOtherPassword) {
            problems.add(new ConfigProblem(passwordKey, "opens the keystore " + keystore
                    + " but not its private key", "give the key the keystore's password"));
        } else {
            problems.add(new ConfigProblem(keystoreKey, keystore + " holds no private key entry with a certificate",
                    "put the server's private key and certificate chain in it (a keystore of trusted certificates"
                            + " only cannot serve HTTPS)"));
        }
    }

    private static boolean isWrongPassword(IOException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("password");
    }
}
