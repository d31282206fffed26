package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin author's first ten minutes, from the release zip alone: {@code bin/hookyard-sdk-install} puts the SDK
 * shipped in {@code sdk/} into an empty local repository, the archetype from there generates a handler plugin and
 * (with {@code -Dkind=vendor}) a vendor module, {@code mvn package} builds and tests each (the vendor module runs the
 * conformance suite), their drop-in folders go into the unzipped distribution's {@code plugins/}, and the real
 * {@code bin/hookyard run} hands a signed delivery of a shipped vendor, and one of the generated vendor, to the
 * generated handler. Maven Central is used for what the outer build did not already fetch (the archetype plugin).
 */
class SdkArchetypeIT {

    private static final String ARCHETYPE_PLUGIN = "org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate";
    private static final String VENDOR_SECRET = "acme-webhook-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    private ChildServer server;

    @AfterEach
    void killChild() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void aGeneratedHandlerPluginAndVendorModuleRunInTheDistribution() throws Exception {
        Path home = unzippedDistribution();
        Path repository = work.resolve("m2");
        installSdk(home, repository);
        NestedMaven maven = NestedMaven.withLocalRepository(repository, work);

        Path projects = Files.createDirectories(work.resolve("projects"));
        String version = System.getProperty("hookyard.version");
        generate(maven, projects, version, "greeter", "-DclassPrefix=Greeter");
        generate(maven, projects, version, "acme-vendor", "-Dkind=vendor", "-DpluginId=acme", "-DclassPrefix=Acme");
        assertTrue(Files.isRegularFile(projects.resolve("acme-vendor/src/test/java/com/example/acme/vendor/"
                + "AcmeConformanceTest.java")), "the vendor module extends the conformance suite");
        assertTrue(Files.notExists(projects.resolve("acme-vendor/src/main/java/com/example/acme/vendor/"
                + "AcmeHandler.java")), "a vendor module has no handler");
        assertTrue(Files.notExists(projects.resolve("greeter/src/main/java/com/example/greeter/GreeterVerifier.java")),
                "a handler plugin has no verifier");

        maven.run(projects.resolve("greeter"), "package");
        maven.run(projects.resolve("acme-vendor"), "package");
        assertTrue(Files.isRegularFile(projects.resolve("acme-vendor/target/surefire-reports/"
                + "TEST-com.example.acme.vendor.AcmeConformanceTest.xml")), "the conformance suite ran");
        copyFolder(projects.resolve("greeter/target/plugin/greeter"), home.resolve("plugins/greeter"));
        copyFolder(projects.resolve("acme-vendor/target/plugin/acme-vendor"), home.resolve("plugins/acme-vendor"));

        Path config = Files.writeString(work.resolve("hookyard.yaml"), String.join("\n",
                "server: { host: 127.0.0.1, port: 0 }",
                "management: { host: 127.0.0.1, port: 0 }",
                "store: { path: '" + ChildServer.quoted(work.resolve("store")) + "' }",
                "endpoints:",
                "  least: { vendor: least, secrets: [\"${env:LEAST_SECRET}\"] }",
                "  acme: { vendor: acme, secrets: [\"${env:ACME_SECRET}\"] }",
                "handlers:",
                "  greet: { type: greeter, options: { label: sdk-it } }",
                "routes:",
                "  - { from: \"*\", events: [\"*\"], to: [greet] }",
                ""));
        server = ChildServer.start(home.resolve("bin/hookyard"), work, Map.of("ACME_SECRET", VENDOR_SECRET),
                "run", "--config", config.toString());
        URI base = server.awaitReady();

        byte[] leastBody = "{\"event\":\"record.created\",\"record_id\":7}".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, post(base.resolve("/hooks/least"), leastBody, "X-LEAST-Signature",
                LeastSigning.signature(ChildServer.SECRET, leastBody)));
        String leastLine = "sdk-it: vendor=least type=record.created key=" + LeastSigning.deliveryKey(leastBody);
        server.awaitLine(line -> line.contains(leastLine), "the generated handler's line for the LEAST delivery");

        // The archetype's vendor signs as LEAST does: "sha256=" and the hex HMAC-SHA256 of the body.
        byte[] acmeBody = "{\"type\":\"order.created\",\"id\":\"evt_sdk_it\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(401, post(base.resolve("/hooks/acme"), acmeBody, "Webhook-Signature",
                LeastSigning.signature("not-the-secret", acmeBody)), "a forged acme delivery");
        assertEquals(200, post(base.resolve("/hooks/acme"), acmeBody, "Webhook-Signature",
                LeastSigning.signature(VENDOR_SECRET, acmeBody)), "a genuine acme delivery");
        server.awaitLine(line -> line.contains("sdk-it: vendor=acme type=order.created key=evt_sdk_it"),
                "the generated handler's line for the delivery the generated vendor verified");
        server.stop();
    }

    /** The release zip, unzipped with the system's unzip, as a user does. */
    private Path unzippedDistribution() throws Exception {
        String version = System.getProperty("hookyard.version");
        Path zip = Paths.get(System.getProperty("hookyard.archive") + ".zip");
        assertTrue(Files.isRegularFile(zip), zip + " was not built");
        Path unzipped = Files.createDirectories(work.resolve("unzipped"));
        runTool(work, List.of("unzip", "-q", zip.toString(), "-d", unzipped.toString()));
        return unzipped.resolve("hookyard-" + version);
    }

    private void installSdk(Path home, Path repository) throws Exception {
        runTool(work, List.of(home.resolve("bin/hookyard-sdk-install").toString(), repository.toString()));
        assertTrue(Files.isDirectory(repository.resolve("dev/hookyard/hookyard-plugin-archetype")),
                "the archetype is installed from sdk/");
    }

    private static void generate(NestedMaven maven, Path projects, String version, String artifactId,
                                 String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(ARCHETYPE_PLUGIN,
                "-DarchetypeGroupId=dev.hookyard", "-DarchetypeArtifactId=hookyard-plugin-archetype",
                "-DarchetypeVersion=" + version, "-DinteractiveMode=false", "-DgroupId=com.example",
                "-DartifactId=" + artifactId, "-Dversion=1.0.0",
                "-Dpackage=com.example." + artifactId.replace('-', '.')));
        args.addAll(List.of(options));
        maven.run(projects, args.toArray(String[]::new));
    }

    private int post(URI uri, byte[] body, String header, String signature) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json").header(header, signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static void runTool(Path directory, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " hangs");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        assertTrue(Files.isDirectory(from), () -> "no drop-in folder " + from);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
