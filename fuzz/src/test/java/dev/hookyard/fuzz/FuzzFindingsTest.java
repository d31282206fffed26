package dev.hookyard.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.config.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each finding of the fuzz targets, as a plain test that says what was wrong. The inputs that found them are also
 * kept beside the seeds ({@code *Inputs/<method>/finding-*}), so the fuzz targets replay them too.
 */
class FuzzFindingsTest {

    private static final String SECRET = "planted-binary-secret-2a9f";

    /**
     * Found by ConfigLoaderFuzzTest: a path with a NUL character made {@code Path.resolve} throw
     * {@code InvalidPathException} out of {@code ConfigLoader.load} instead of an {@code InvalidConfigException}, and
     * its message quoted the path, here the content of a secret file.
     */
    @Test
    void aStorePathWithANulCharacterIsAConfigProblemThatDoesNotQuoteIt(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("secrets"));
        Files.write(home.resolve("secrets/binary"), ("bin\u0000/" + SECRET).getBytes(StandardCharsets.UTF_8));
        InvalidConfigException e = load(home, "store: { path: \"${file:secrets/binary}\" }\n"
                + "endpoints: { least: { vendor: least, secrets: [s3cret] } }\n");
        assertTrue(e.getMessage().contains("store.path: is not a valid directory path"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    /** The same for a literal NUL in the file (YAML's \0 escape). */
    @Test
    void aLiteralStorePathWithANulCharacterIsAConfigProblem(@TempDir Path home) throws Exception {
        InvalidConfigException e = load(home, "store: { path: \"data\\0x\" }\n"
                + "endpoints: { least: { vendor: least, secrets: [s3cret] } }\n");
        assertTrue(e.getMessage().contains("store.path: is not a valid directory path"), e.getMessage());
    }

    /** Found with it: the same exception escaped from a {@code ${file:}} reference naming such a path. */
    @Test
    void aFileReferenceToAPathWithANulCharacterIsAConfigProblem(@TempDir Path home) throws Exception {
        InvalidConfigException e = load(home,
                "endpoints: { least: { vendor: least, secrets: [\"${file:conf/a\\0b}\"] } }\n");
        assertTrue(e.getMessage().contains("endpoints.least.secrets[0]: ${file:} names an invalid path"),
                e.getMessage());
    }

    /**
     * Found by ConfigLoaderFuzzTest after the TLS configuration landed: a keystore path that came from a reference
     * was quoted in every keystore problem ("file /home/planted-file-secret does not exist"). It is now shown as the
     * reference; a path written in the file is still shown as written.
     */
    @Test
    void aKeystorePathFromAReferenceIsShownAsTheReference(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("secrets"));
        Files.writeString(home.resolve("secrets/token"), "planted-file-secret-4e7a\n");
        InvalidConfigException e = load(home, "server: { tls: { keystore: \"${file:secrets/token}\", password: pw } }\n"
                + "endpoints: { least: { vendor: least, secrets: [s3cret] } }\n");
        assertTrue(e.getMessage().contains("server.tls.keystore: file the file that ${file:secrets/token} names does"
                + " not exist"), e.getMessage());
        assertFalse(e.getMessage().contains("planted-file-secret-4e7a"), e.getMessage());
    }

    /** The same for a CIDR from a reference: the problem quotes the text as written. */
    @Test
    void aBadAddressFromAReferenceIsQuotedAsWritten(@TempDir Path home) throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, "server: { trustedProxies: [\"${env:PROXY}\"] }\n"
                + "endpoints: { least: { vendor: least, secrets: [s3cret] } }\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(home, name -> "user:planted-pass-8c2d").load(file));
        assertTrue(e.getMessage().contains("server.trustedProxies[0]: '${env:PROXY}' is not an IP address"),
                e.getMessage());
        assertFalse(e.getMessage().contains("planted-pass-8c2d"), e.getMessage());
    }

    /** And for a management host from a reference, in the problem saying a token is required. */
    @Test
    void aManagementHostFromAReferenceIsQuotedAsWritten(@TempDir Path home) throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, "management: { host: \"${env:ADMIN_HOST}\" }\n"
                + "endpoints: { least: { vendor: least, secrets: [s3cret] } }\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> new ConfigLoader(home, name -> "planted-host-secret-77").load(file));
        assertTrue(e.getMessage().contains("(it is ${env:ADMIN_HOST})"), e.getMessage());
        assertFalse(e.getMessage().contains("planted-host-secret-77"), e.getMessage());
    }

    /** And InvalidPathException escaped from plugins.directory and server.tls.keystore as it did from store.path. */
    @Test
    void pluginAndKeystorePathsWithANulCharacterAreConfigProblems(@TempDir Path home) throws Exception {
        InvalidConfigException e = load(home, "plugins: { directory: \"p\\0\" }\n"
                + "server: { tls: { keystore: \"k\\0\", password: pw } }\n"
                + "endpoints: { least: { vendor: least, secrets: [s3cret] } }\n");
        assertTrue(e.getMessage().contains("plugins.directory: is not a valid directory path"), e.getMessage());
        assertTrue(e.getMessage().contains("server.tls.keystore: is not a valid file path"), e.getMessage());
    }

    private static InvalidConfigException load(Path home, String yaml) throws Exception {
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, yaml);
        return assertThrows(InvalidConfigException.class, () -> new ConfigLoader(home, name -> null).load(file));
    }
}
