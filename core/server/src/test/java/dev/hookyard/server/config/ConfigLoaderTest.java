package dev.hookyard.server.config;

import static dev.hookyard.server.testing.ConfigFiles.problemAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.plugin.PluginFailurePolicy;
import dev.hookyard.server.testing.ConfigFiles;
import dev.hookyard.spi.Secret;
import java.io.IOException;
import java.nio.file.Path;
import dev.hookyard.server.filter.RouteFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading hookyard.yaml: references, defaults, and errors that name the key and never a secret. */
class ConfigLoaderTest {

    private static final Map<String, String> ENV = Map.of(
            "LEAST_SECRET", "env-secret-value-123",
            "PORT", "9191",
            "SUFFIX", "in");

    @TempDir
    Path home;

    private ConfigFiles files;

    @BeforeEach
    void files() {
        files = new ConfigFiles(home, ENV);
    }

    private static List<String> reveal(List<Secret> secrets) {
        return secrets.stream().map(Secret::reveal).toList();
    }

    @Test
    void envAndFileReferencesAreResolvedWithFilesRelativeToHomeAndTrailingLineBreaksStripped() throws IOException {
        files.write("secrets/least", "file-secret\n");
        files.write("secrets/crlf", "  two words \r\n\r\n");
        Path absolute = files.write("elsewhere/abs", "absolute-secret");
        HookyardConfig config = files.load("""
                endpoints:
                  least:
                    vendor: least
                    path: "/hooks/${env:SUFFIX}/least"
                    secrets: ["${env:LEAST_SECRET}", "${file:secrets/least}", "${file:secrets/crlf}", "${file:%s}"]
                server: { port: "${env:PORT}" }
                """.formatted(absolute));

        EndpointConfig least = config.endpoints().get(0);
        assertEquals(List.of("env-secret-value-123", "file-secret", "  two words ", "absolute-secret"),
                reveal(least.secrets()));
        assertEquals("/hooks/in/least", least.path());
        assertEquals(9191, config.server().port());
    }

    @Test
    void aMissingEnvironmentVariableNamesTheKeyAndVariableButNoSecret() throws IOException {
        files.write("secrets/other", "file-secret-value-456\n");
        InvalidConfigException e = files.loadFails("""
                endpoints:
                  least: { vendor: least, secrets: ["${env:MISSING_SECRET}", "literal-secret-value-789"] }
                  other: { vendor: least, secrets: ["${env:LEAST_SECRET}", "${file:secrets/other}"] }
                """);

        ConfigProblem problem = problemAt(e, "endpoints.least.secrets[0]").orElseThrow(() -> new AssertionError(e));
        assertTrue(problem.problem().contains("MISSING_SECRET"), problem.toString());
        assertTrue(problem.fix().contains("export MISSING_SECRET="), problem.toString());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("endpoints.least.secrets[0]"), e.getMessage());
        for (String secret : List.of("literal-secret-value-789", "env-secret-value-123", "file-secret-value-456")) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void unreadableAndUnknownReferencesAreReportedByKey() throws IOException {
        files.write("secrets/empty", "\n");
        InvalidConfigException e = files.loadFails("""
                endpoints:
                  least: { vendor: least, secrets: ["${file:secrets/none}", "${vault:x}", "${file:secrets/empty}", ""] }
                """);

        assertTrue(problemAt(e, "endpoints.least.secrets[0]").orElseThrow().problem().contains("cannot read file"));
        assertTrue(problemAt(e, "endpoints.least.secrets[1]").orElseThrow().problem()
                .contains("unknown reference kind 'vault'"));
        assertTrue(problemAt(e, "endpoints.least.secrets[2]").orElseThrow().problem().contains("is empty"));
        assertEquals("is empty", problemAt(e, "endpoints.least.secrets[3]").orElseThrow().problem());
    }

    @Test
    void unknownKeysAreReportedWithADidYouMeanAndWithoutTheirValues() throws IOException {
        InvalidConfigException e = files.loadFails("""
                endpionts:
                  least: { vendor: least, secrets: ["sk_live_UNKNOWN_KEY_VALUE"] }
                endpoints:
                  least: { vendor: least, secret: ["sk_live_NESTED_VALUE"], maxBodyByte: 10 }
                """);

        assertTrue(problemAt(e, "endpionts").orElseThrow().problem().endsWith("(did you mean 'endpoints'?)"),
                e.getMessage());
        assertTrue(problemAt(e, "endpoints.least.secret").orElseThrow().problem()
                .endsWith("(did you mean 'secrets'?)"), e.getMessage());
        assertTrue(problemAt(e, "endpoints.least.maxBodyByte").orElseThrow().problem()
                .endsWith("(did you mean 'maxBodyBytes'?)"), e.getMessage());
        assertFalse(e.getMessage().contains("sk_live_"), e.getMessage());
    }

    @Test
    void portsOutsideTheRangeOrNotNumbersAreRejected() throws IOException {
        InvalidConfigException range =
                files.loadFails("server: { port: 70000 }\nendpoints: { least: { vendor: least } }\n");
        assertEquals("must be between 0 and 65535", problemAt(range, "server.port").orElseThrow().problem());

        InvalidConfigException word =
                files.loadFails("server: { port: eighty }\nendpoints: { least: { vendor: least } }\n");
        assertEquals("must be a whole number", problemAt(word, "server.port").orElseThrow().problem());

        InvalidConfigException negative = files.loadFails("endpoints: { least: { vendor: least, maxBodyBytes: 0 } }\n");
        assertTrue(problemAt(negative, "endpoints.least.maxBodyBytes").isPresent(), negative.getMessage());
    }

    @Test
    void handlerRetryTimeoutAndConcurrencyAreReadAndCheckedByKey() throws IOException {
        HookyardConfig config = files.load("""
                endpoints: { least: { vendor: least } }
                handlers:
                  tuned: { type: log, timeout: 5s, maxConcurrent: 3,
                           retry: { maxAttempts: 5, initialDelay: 250ms, maxDelay: 1m } }
                  plain: { type: log }
                """);
        HandlerLimits tuned = config.handlers().get(0).limits();
        assertEquals(new HandlerLimits(5, java.time.Duration.ofMillis(250), java.time.Duration.ofMinutes(1),
                java.time.Duration.ofSeconds(5), 3), tuned);
        assertEquals(HandlerLimits.DEFAULTS, config.handlers().get(1).limits());

        InvalidConfigException bad = files.loadFails("""
                endpoints: { least: { vendor: least } }
                handlers:
                  h: { type: log, timeout: soon, maxConcurrent: 0, retry: { maxAttempts: 0, maxDelay: 9d, backof: 2 } }
                """);
        assertEquals("is not a duration", problemAt(bad, "handlers.h.timeout").orElseThrow().problem());
        assertTrue(problemAt(bad, "handlers.h.maxConcurrent").isPresent(), bad.getMessage());
        assertTrue(problemAt(bad, "handlers.h.retry.maxAttempts").isPresent(), bad.getMessage());
        assertEquals("must be between 0s and 7d", problemAt(bad, "handlers.h.retry.maxDelay").orElseThrow().problem());
        assertTrue(problemAt(bad, "handlers.h.retry.backof").isPresent(), bad.getMessage());
    }

    @Test
    void twoEndpointsCannotShareAPathIncludingADefaultOne() throws IOException {
        InvalidConfigException e = files.loadFails("""
                endpoints:
                  a: { vendor: least, path: /hooks/shared }
                  b: { vendor: least, path: /hooks/shared }
                  c: { vendor: least, path: /hooks/d }
                  d: { vendor: least }
                """);

        assertEquals("is already used by endpoint a", problemAt(e, "endpoints.b.path").orElseThrow().problem());
        assertEquals("is already used by endpoint c", problemAt(e, "endpoints.d.path").orElseThrow().problem());
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void badPathsAndNamesAreRejected() throws IOException {
        InvalidConfigException e = files.loadFails("""
                endpoints:
                  a: { vendor: least, path: hooks/a }
                  b: { vendor: least, path: "/hooks/b?x=1" }
                  "bad name": { vendor: least }
                  c: { path: /hooks/c }
                """);

        assertTrue(problemAt(e, "endpoints.a.path").isPresent(), e.getMessage());
        assertTrue(problemAt(e, "endpoints.b.path").isPresent(), e.getMessage());
        assertEquals("is not a valid name", problemAt(e, "endpoints.bad name").orElseThrow().problem());
        assertEquals("is required", problemAt(e, "endpoints.c.vendor").orElseThrow().problem());
    }

    @Test
    void aYamlSyntaxErrorGivesTheLocationButNotTheFilesText() throws IOException {
        InvalidConfigException e = files.loadFails("""
                endpoints:
                  least: { vendor: least, secrets: ["sk_live_SYNTAX_NEIGHBOUR"] }
                  other: { vendor: least, secrets: ["sk_live_ON_THE_LINE" }
                """);

        ConfigProblem problem = problemAt(e, "(file)").orElseThrow();
        assertTrue(problem.problem().startsWith("is not valid YAML at line 3"), problem.toString());
        assertFalse(e.getMessage().contains("sk_live"), e.getMessage());
        assertTrue(e.getMessage().contains(home.resolve("conf/hookyard.yaml").toString()), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsReportedWithoutItsValues() throws IOException {
        InvalidConfigException e = files.loadFails("""
                endpoints:
                  least: { vendor: least, secrets: ["sk_live_FIRST"] }
                  least: { vendor: least, secrets: ["sk_live_SECOND"] }
                """);

        assertTrue(problemAt(e, "(file)").orElseThrow().problem().startsWith("a key appears twice at line 3"),
                e.getMessage());
        assertFalse(e.getMessage().contains("sk_live"), e.getMessage());
    }

    @Test
    void aMissingOrEmptyFileIsReported() throws IOException {
        InvalidConfigException missing = assertThrows(InvalidConfigException.class,
                () -> files.loader().load(Path.of("conf/none.yaml")));
        assertEquals("does not exist", problemAt(missing, "(file)").orElseThrow().problem());
        assertEquals(home.resolve("conf/none.yaml"), missing.file());

        InvalidConfigException empty = files.loadFails("# nothing but a comment\n");
        assertEquals("is empty", problemAt(empty, "(file)").orElseThrow().problem());

        InvalidConfigException noEndpoints = files.loadFails("server: { port: 1 }\n");
        assertEquals("no endpoint is configured", problemAt(noEndpoints, "endpoints").orElseThrow().problem());
    }

    @Test
    void defaultsFillWhatTheFileLeavesOut() throws IOException {
        HookyardConfig config = files.load("endpoints: { least: { vendor: least } }\n");

        assertEquals(new HookyardConfig.ServerSettings("0.0.0.0", 8080, 1024 * 1024), config.server());
        assertEquals(home.resolve("data"), config.store().directory());
        assertEquals(home, config.home());
        EndpointConfig least = config.endpoints().get(0);
        assertEquals("/hooks/least", least.path());
        assertEquals(1024 * 1024, least.maxBodyBytes());
        assertEquals(List.of(), least.secrets());
        assertTrue(least.options().keys().isEmpty());
        assertEquals(List.of(), config.handlers());
        assertEquals(List.of(), config.routes());
    }

    @Test
    void thePluginsDirectoryDefaultsToPluginsUnderHomeAndAFailingPluginStopsStartup() throws IOException {
        HookyardConfig config = files.load("endpoints: { least: { vendor: least } }\n");

        assertEquals(home.resolve("plugins"), config.plugins().directory());
        assertEquals(PluginFailurePolicy.FAIL, config.plugins().onError());
    }

    @Test
    void thePluginsSectionSetsTheDirectoryRelativeToHomeAndWhatAFailingPluginDoes() throws IOException {
        HookyardConfig config = files.load("""
                plugins: { directory: extra/plugins, onError: skip }
                endpoints: { least: { vendor: least } }
                """);

        assertEquals(home.resolve("extra/plugins"), config.plugins().directory());
        assertEquals(PluginFailurePolicy.SKIP, config.plugins().onError());
    }

    @Test
    void anUnknownOnErrorOrPluginsKeyIsReportedByKey() throws IOException {
        InvalidConfigException e = files.loadFails("""
                plugins: { onError: ignore, dir: x }
                endpoints: { least: { vendor: least } }
                """);

        ConfigProblem onError = problemAt(e, "plugins.onError").orElseThrow(() -> new AssertionError(e.getMessage()));
        assertEquals("must be fail or skip", onError.problem());
        assertTrue(onError.fix().contains("onError: skip"), onError.fix());
        assertEquals("is not a known key", problemAt(e, "plugins.dir").orElseThrow().problem().split(" \\(")[0]);
        assertFalse(e.getMessage().contains("ignore"), "values are never echoed: " + e.getMessage());
    }

    @Test
    void theServerBodyLimitIsEachEndpointsDefaultAndEndpointsCanOverrideIt() throws IOException {
        HookyardConfig config = files.load("""
                server: { maxBodyBytes: 2048 }
                store: { path: var/store }
                endpoints:
                  a: { vendor: least }
                  b: { vendor: least, maxBodyBytes: 100 }
                """);

        assertEquals(2048, config.endpoints().get(0).maxBodyBytes());
        assertEquals(100, config.endpoints().get(1).maxBodyBytes());
        assertEquals(home.resolve("var/store"), config.store().directory());
    }

    @Test
    void routesDefaultToEverythingAndMustNameAHandler() throws IOException {
        HookyardConfig config = files.load("""
                endpoints: { least: { vendor: least } }
                handlers: { log: { type: log, options: { level: info, tags: [a, b] } } }
                routes:
                  - { to: log }
                  - { from: [least], vendor: least, events: ["record.*", "lesson.*"], to: [log] }
                """);

        assertEquals(new RouteConfig(0, List.of("*"), "*", List.of("*"), List.of("log"), RouteFilter.NONE),
                config.routes().get(0));
        assertEquals(new RouteConfig(1, List.of("least"), "least", List.of("record.*", "lesson.*"), List.of("log"),
                RouteFilter.NONE),
                config.routes().get(1));
        assertEquals("info", config.handlers().get(0).options().string("level").orElseThrow());
        assertEquals(List.of("a", "b"), config.handlers().get(0).options().stringList("tags"));

        InvalidConfigException e = files.loadFails("""
                endpoints: { least: { vendor: least } }
                routes:
                  - { from: least }
                """);
        assertEquals("names no handler", problemAt(e, "routes[0].to").orElseThrow().problem());
    }

    @Test
    void everyProblemIsReportedInOneGo() throws IOException {
        InvalidConfigException e = files.loadFails("""
                server: { port: -1 }
                store: { type: s3 }
                endpoints:
                  least: { secrets: ["${env:NOPE}"] }
                handlers:
                  h: { options: {} }
                routes: { not: a list }
                """);

        assertEquals(List.of("server.port", "store.type", "endpoints.least.vendor", "endpoints.least.secrets[0]",
                "handlers.h.type", "routes"), e.problems().stream().map(ConfigProblem::key).toList());
    }

    @Test
    void theBacklogBoundDefaultsAndIsCheckedWithAFixThatSaysWhatItMeans() throws IOException {
        assertEquals(100_000, files.load("endpoints: { least: { vendor: least } }\n").store().maxBacklog());
        assertEquals(500, files.load("store: { maxBacklog: 500 }\nendpoints: { least: { vendor: least } }\n")
                .store().maxBacklog());

        for (String bad : List.of("0", "-5", "lots", "2000000000")) {
            InvalidConfigException e = files.loadFails("store: { maxBacklog: " + bad + " }\n"
                    + "endpoints: { least: { vendor: least } }\n");
            ConfigProblem problem = problemAt(e, "store.maxBacklog").orElseThrow(() -> new AssertionError(e));
            assertTrue(problem.problem().equals("must be between 1 and 1000000000")
                    || problem.problem().equals("must be a whole number"), bad + ": " + problem);
            assertTrue(problem.fix().contains("pending handler runs") && problem.fix().contains("503"),
                    problem.toString());
            assertEquals(1, e.problems().size(), e.getMessage());
        }
    }
}
