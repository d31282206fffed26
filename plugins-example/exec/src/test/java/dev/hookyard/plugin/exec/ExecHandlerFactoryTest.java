package dev.hookyard.plugin.exec;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerFactory;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static dev.hookyard.plugin.exec.ExecFixtures.event;
import static dev.hookyard.plugin.exec.ExecFixtures.options;
import static dev.hookyard.plugin.exec.ExecFixtures.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecHandlerFactoryTest {

    @TempDir
    Path home;

    private InvalidOptionException invalid(Map<String, ?> options) {
        return assertThrows(InvalidOptionException.class,
                () -> new ExecHandlerFactory().create(ExecFixtures.context(home, options)));
    }

    private Map<String, Object> valid(Map<String, ?> extra) {
        return options(script(home, "ok.sh", "exit 0"), List.of(), extra);
    }

    @Test
    void isFoundByServiceLoaderAsTheExecType() {
        List<String> types = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(ExecPlugin.class::isInstance)
                .flatMap(plugin -> plugin.handlers().stream())
                .map(HandlerFactory::type)
                .toList();

        assertEquals(List.of("exec"), types);
    }

    @Test
    void declaresItsOptions() {
        List<OptionSpec> options = new ExecHandlerFactory().options();

        assertEquals(List.of("command", "env", "timeoutSeconds", "maxConcurrent", "workingDirectory",
                "inheritEnvironment"), options.stream().map(OptionSpec::name).toList());
        assertEquals(List.of("command"), options.stream().filter(OptionSpec::required).map(OptionSpec::name).toList());
    }

    @Test
    void aMissingOrEmptyCommandNamesTheKey() {
        assertEquals("command", invalid(Map.of()).key());
        assertEquals("command", invalid(Map.of("command", List.of())).key());
        assertEquals("command", invalid(Map.of("command", List.of(" ", "x"))).key());
        assertEquals("command", invalid(Map.of("command", List.of(Map.of("a", "b")))).key());
    }

    @Test
    void aCommandLineIsRefusedSinceNothingSplitsItWithoutAShell() {
        InvalidOptionException e = invalid(Map.of("command", "/bin/echo hello"));

        assertEquals("command", e.key());
        assertTrue(e.problem().contains("never runs a shell"), e.problem());
        assertTrue(e.fix().contains("list"), e.fix());
    }

    @Test
    void aProgramThatIsNotAnExecutableFileNamesTheKey() throws Exception {
        Path notExecutable = Files.writeString(home.resolve("plain.sh"), "#!/bin/sh\nexit 0\n");

        assertEquals("command", invalid(Map.of("command", List.of(notExecutable.toString()))).key());
        assertEquals("command", invalid(Map.of("command", List.of("hooks/missing.sh"))).key());
        assertEquals("command", invalid(Map.of("command", List.of(home.toString()))).key());
        InvalidOptionException notOnPath = invalid(Map.of("command", List.of("no-such-program-hookyard")));
        assertTrue(notOnPath.problem().contains("not on PATH"), notOnPath.problem());
    }

    @Test
    void findsABareProgramNameOnPathAndARelativePathUnderTheHome() throws Exception {
        try (Handler handler = ExecFixtures.handler(home, Map.of("command", List.of("sh", "-c", "exit 0")))) {
            assertSame(Outcome.done(), handler.handle(event("k", "{}")));
        }
        Files.createDirectories(home.resolve("hooks"));
        script(home.resolve("hooks"), "ok.sh", "exit 0");
        try (Handler handler = ExecFixtures.handler(home, Map.of("command", List.of("hooks/ok.sh")))) {
            assertSame(Outcome.done(), handler.handle(event("k", "{}")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"record_id", "1ID", "RECORD-ID", "HOOKYARD_KEY", "PATH", "LD_PRELOAD", "DYLD_LIBRARY_PATH",
            "BASH_ENV", "IFS", "NODE_OPTIONS"})
    void anEnvNameThatIsInvalidReservedOrDangerousNamesItsKey(String name) {
        InvalidOptionException e = invalid(valid(Map.of("env", Map.of(name, "/x"))));

        assertEquals("env." + name, e.key());
    }

    @Test
    void anEnvPointerThatIsNotAJsonPointerNamesItsKey() {
        assertEquals("env.RECORD_ID", invalid(valid(Map.of("env", Map.of("RECORD_ID", "record_id")))).key());
        assertEquals("env", invalid(valid(Map.of("env", List.of("RECORD_ID")))).key());
    }

    @Test
    void outOfRangeOrWrongValuesNameTheirKeys() {
        assertEquals("timeoutSeconds", invalid(valid(Map.of("timeoutSeconds", 0))).key());
        assertEquals("timeoutSeconds", invalid(valid(Map.of("timeoutSeconds", "soon"))).key());
        assertEquals("maxConcurrent", invalid(valid(Map.of("maxConcurrent", 0))).key());
        assertEquals("inheritEnvironment", invalid(valid(Map.of("inheritEnvironment", "yes"))).key());
        assertEquals("workingDirectory", invalid(valid(Map.of("workingDirectory", "no/such/dir"))).key());
    }

    @Test
    void messagesNeverCarryConfiguredArguments() throws Exception {
        Path script = script(home, "fail.sh", "exit 1");
        try (Handler handler = ExecFixtures.handler(home, options(script, List.of("--token", "cfg-secret"),
                Map.of()))) {
            CommandFailedException e = assertThrows(CommandFailedException.class,
                    () -> handler.handle(event("k", "{}")));
            assertFalse(e.getMessage().contains("cfg-secret"), e.getMessage());
            assertTrue(e.getMessage().startsWith("fail.sh exited with code 1"), e.getMessage());
        }
    }
}
