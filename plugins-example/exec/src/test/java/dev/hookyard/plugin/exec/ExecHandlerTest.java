package dev.hookyard.plugin.exec;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.hookyard.plugin.exec.ExecFixtures.await;
import static dev.hookyard.plugin.exec.ExecFixtures.environment;
import static dev.hookyard.plugin.exec.ExecFixtures.event;
import static dev.hookyard.plugin.exec.ExecFixtures.handler;
import static dev.hookyard.plugin.exec.ExecFixtures.leastEvent;
import static dev.hookyard.plugin.exec.ExecFixtures.options;
import static dev.hookyard.plugin.exec.ExecFixtures.running;
import static dev.hookyard.plugin.exec.ExecFixtures.script;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExecHandlerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private Path out() throws Exception {
        return Files.createDirectories(home.resolve("out"));
    }

    @Test
    void passesTheRawBodyOnStdinExactly() throws Exception {
        Path script = script(home, "stdin.sh", "cat > \"$1/stdin\"");
        WebhookEvent least = leastEvent("record.created");
        byte[] everyByte = new byte[256 * 300];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        try (Handler handler = handler(home, options(script, List.of(out().toString()), Map.of()))) {
            assertSame(Outcome.done(), handler.handle(least));
            assertArrayEquals(least.delivery().body(), Files.readAllBytes(out().resolve("stdin")));

            assertSame(Outcome.done(), handler.handle(event("bytes", everyByte)));
            assertArrayEquals(everyByte, Files.readAllBytes(out().resolve("stdin")),
                    "binary and larger than a pipe buffer");
        }
    }

    @Test
    void setsTheFixedVariablesAndTheMappedOnesFromJsonPointers() throws Exception {
        Path script = script(home, "env.sh", "env > \"$1/env\"");
        WebhookEvent event = event("key-1", "{\"record_id\":42,\"data\":{\"title\":\"Lobby\",\"tags\":[\"a\",\"b\"],"
                + "\"amount\":1.50,\"none\":null,\"ok\":true}}");
        Map<String, Object> env = Map.of("RECORD_ID", "/record_id", "TITLE", "/data/title", "SECOND_TAG",
                "/data/tags/1", "AMOUNT", "/data/amount", "NONE", "/data/none", "OK", "/data/ok", "TAGS", "/data/tags",
                "MISSING", "/data/missing");
        try (Handler handler = handler(home, options(script, List.of(out().toString()), Map.of("env", env)))) {
            handler.handle(event);
        }

        Map<String, String> seen = environment(out().resolve("env"));
        assertEquals("least", seen.get("HOOKYARD_ENDPOINT"));
        assertEquals("least", seen.get("HOOKYARD_VENDOR"));
        assertEquals("record.created", seen.get("HOOKYARD_EVENT_TYPE"));
        assertEquals("key-1", seen.get("HOOKYARD_DELIVERY_KEY"));
        assertEquals("2025-01-01T12:00:00Z", seen.get("HOOKYARD_RECEIVED_AT"));
        assertEquals("42", seen.get("RECORD_ID"));
        assertEquals("Lobby", seen.get("TITLE"));
        assertEquals("b", seen.get("SECOND_TAG"));
        assertEquals("1.50", seen.get("AMOUNT"));
        assertEquals("", seen.get("NONE"), "JSON null is set and empty");
        assertEquals("true", seen.get("OK"));
        assertEquals("[\"a\",\"b\"]", seen.get("TAGS"));
        assertFalse(seen.containsKey("MISSING"), "a pointer that finds nothing leaves the variable unset");
        assertTrue(seen.containsKey("PATH"));
        Set<String> shellAdds = Set.of("PWD", "SHLVL", "_", "OLDPWD");
        for (String name : seen.keySet()) {
            assertTrue(name.equals("PATH") || name.startsWith("HOOKYARD_") || env.containsKey(name)
                    || shellAdds.contains(name), () -> "not from Hookyard's environment: " + name);
        }
    }

    @Test
    void passesHookyardsEnvironmentOnlyWhenAskedTo() throws Exception {
        String name = System.getenv().keySet().stream()
                .filter(n -> n.matches("[A-Z][A-Z0-9_]*") && !n.equals("PATH") && !n.equals("PWD"))
                .findFirst().orElse(null);
        assumeTrue(name != null, "the test JVM has some environment variable besides PATH");
        Path script = script(home, "env.sh", "env > \"$1/env\"");

        try (Handler handler = handler(home, options(script, List.of(out().toString()),
                Map.of("inheritEnvironment", true, "env", Map.of(name, "/missing"))))) {
            handler.handle(event("k", "{}"));
        }
        assertFalse(environment(out().resolve("env")).containsKey(name),
                "a mapped variable the body lacks is removed even when inherited");

        try (Handler handler = handler(home, options(script, List.of(out().toString()),
                Map.of("inheritEnvironment", true)))) {
            handler.handle(event("k", "{}"));
        }
        assertEquals(System.getenv(name), environment(out().resolve("env")).get(name));
        assertEquals("k", environment(out().resolve("env")).get("HOOKYARD_DELIVERY_KEY"));
    }

    @Test
    void payloadValuesThatLookLikeShellAreOnlyData() throws Exception {
        Path marker1 = home.resolve("pwned-1");
        Path marker2 = home.resolve("pwned-2");
        Path marker3 = home.resolve("pwned-3");
        String substitution = "$(touch " + marker1 + ")";
        String backticks = "`touch " + marker2 + "`";
        String chained = "x; touch " + marker3 + "; rm -rf " + home + " #";
        String body = "{\"record_id\":\"" + substitution + "\",\"title\":\"" + backticks + "\",\"note\":\""
                + chained + "\"}";
        // Even a careless script (unquoted expansions) only sees data: nothing re-parses a variable's value.
        Path script = script(home, "careless.sh", "echo $RECORD_ID $TITLE $NOTE > \"$1/echo\"\n"
                + "printf '%s' \"$RECORD_ID\" > \"$1/record_id\"\n"
                + "printf '%s' \"$TITLE\" > \"$1/title\"\n"
                + "printf '%s' \"$NOTE\" > \"$1/note\"\n"
                + "cat > \"$1/stdin\"");

        try (Handler handler = handler(home, options(script, List.of(out().toString()),
                Map.of("env", Map.of("RECORD_ID", "/record_id", "TITLE", "/title", "NOTE", "/note"))))) {
            assertSame(Outcome.done(), handler.handle(event("k", body)));
        }

        assertFalse(Files.exists(marker1), "$(...) was executed");
        assertFalse(Files.exists(marker2), "backticks were executed");
        assertFalse(Files.exists(marker3), "; ... was executed");
        assertTrue(Files.isDirectory(home.resolve("out")));
        assertEquals(substitution, Files.readString(out().resolve("record_id")));
        assertEquals(backticks, Files.readString(out().resolve("title")));
        assertEquals(chained, Files.readString(out().resolve("note")));
        assertEquals(body, Files.readString(out().resolve("stdin")));
    }

    @Test
    void aBodyThatIsNotJsonStillRunsWithTheMappedVariablesUnset() throws Exception {
        Path script = script(home, "env.sh", "env > \"$1/env\"; cat > \"$1/stdin\"");

        try (Handler handler = handler(home, options(script, List.of(out().toString()),
                Map.of("env", Map.of("RECORD_ID", "/record_id"))))) {
            assertSame(Outcome.done(), handler.handle(event("k", "record_id=42")));
        }

        assertFalse(environment(out().resolve("env")).containsKey("RECORD_ID"));
        assertEquals("record_id=42", Files.readString(out().resolve("stdin")));
    }

    @Test
    void aNonZeroExitThrowsWithTheCodeAndTheEndOfStderrButNoEnvironmentValue() throws Exception {
        Path script = script(home, "fail.sh", "head -c 5000 /dev/zero | tr '\\0' 'a' >&2\n"
                + "echo >&2\necho 'sync failed: CRM answered 503' >&2\nexit 3");

        CommandFailedException e;
        try (Handler handler = handler(home, options(script, List.of(),
                Map.of("env", Map.of("API_TOKEN", "/token"))))) {
            e = assertThrows(CommandFailedException.class,
                    () -> handler.handle(event("k", "{\"token\":\"tok-very-secret\"}")));
        }

        assertEquals(3, e.exitCode());
        assertFalse(e.timedOut());
        assertTrue(e.getMessage().contains("fail.sh exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().endsWith("sync failed: CRM answered 503"), e.getMessage());
        assertTrue(e.stderrTail().getBytes(StandardCharsets.UTF_8).length <= CommandRun.STDERR_TAIL_BYTES);
        assertFalse(e.getMessage().contains("tok-very-secret"));
    }

    @Test
    void aTimeoutKillsTheWholeProcessTreeAndThrows() throws Exception {
        Path script = script(home, "hang.sh", "echo $$ > \"$1/shell.pid\"\nsleep 30 &\necho $! > \"$1/child.pid\"\n"
                + "wait");

        CommandFailedException e;
        try (Handler handler = handler(home, options(script, List.of(out().toString()),
                Map.of("timeoutSeconds", 1)))) {
            e = assertThrows(CommandFailedException.class, () -> handler.handle(event("k", "{}")));
        }

        assertTrue(e.timedOut());
        assertTrue(e.getMessage().contains("did not finish within 1s"), e.getMessage());
        long shell = Long.parseLong(Files.readString(out().resolve("shell.pid")).strip());
        long child = Long.parseLong(Files.readString(out().resolve("child.pid")).strip());
        await("the script is killed", DEADLINE, () -> !running(shell));
        await("its sleep 30 child is killed", DEADLINE, () -> !running(child));
    }

    @Test
    void neverRunsMoreThanMaxConcurrentAtOnce() throws Exception {
        Path dir = out();
        Files.createDirectories(dir.resolve("running"));
        Path script = script(home, "slot.sh", "touch \"$1/running/$$\"\n"
                + "ls \"$1/running\" | wc -l >> \"$1/counts\"\n"
                + "i=0\n"
                + "while [ ! -e \"$1/release\" ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i+1)); done\n"
                + "rm \"$1/running/$$\"");
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (Handler handler = handler(home, options(script, List.of(dir.toString()),
                Map.of("maxConcurrent", 2, "timeoutSeconds", 120)))) {
            List<Future<Outcome>> results = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                WebhookEvent event = event("k" + i, "{}");
                results.add(pool.submit(() -> handler.handle(event)));
            }
            await("two runs under way", DEADLINE, () -> markers(dir) == 2);
            Files.createFile(dir.resolve("release"));
            for (Future<Outcome> result : results) {
                assertSame(Outcome.done(), result.get(1, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> counts = Files.readAllLines(dir.resolve("counts")).stream()
                .map(String::strip).map(Integer::parseInt).toList();
        assertEquals(callers, counts.size());
        assertTrue(counts.stream().allMatch(n -> n <= 2), () -> "concurrent runs seen: " + counts);
    }

    @Test
    void aValueNoEnvironmentCanHoldIsDroppedWithoutRunning() throws Exception {
        Path ran = home.resolve("ran");
        Path script = script(home, "touch.sh", "touch \"" + ran + "\"");

        try (Handler handler = handler(home, options(script, List.of(),
                Map.of("env", Map.of("NOTE", "/note"))))) {
            Outcome nul = handler.handle(event("k", "{\"note\":\"a\\u0000secret\"}"));
            Outcome huge = handler.handle(event("k", "{\"note\":\"" + "x".repeat(40_000) + "\"}"));

            String reason = assertInstanceOf(Outcome.Drop.class, nul).reason();
            assertTrue(reason.contains("NOTE") && reason.contains("NUL"), reason);
            assertFalse(reason.contains("secret"), reason);
            assertTrue(assertInstanceOf(Outcome.Drop.class, huge).reason().contains("NOTE"));
        }
        assertFalse(Files.exists(ran));
    }

    @Test
    void runsInTheWorkingDirectory() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        Path script = script(home, "pwd.sh", "pwd -P > \"$1/pwd\"");

        try (Handler handler = handler(home, options(script, List.of(out().toString()),
                Map.of("workingDirectory", "work")))) {
            handler.handle(event("k", "{}"));
        }
        try (Handler handler = handler(home, options(script, List.of(home.resolve("out2").toString()),
                Map.of()))) {
            Files.createDirectories(home.resolve("out2"));
            handler.handle(event("k", "{}"));
        }

        assertEquals(work.toRealPath().toString(), Files.readString(out().resolve("pwd")).strip());
        assertEquals(home.toRealPath().toString(), Files.readString(home.resolve("out2/pwd")).strip(),
                "the Hookyard home by default");
    }

    @Test
    void closingKillsRunsUnderWay() throws Exception {
        Path script = script(home, "hang.sh", "sleep 30 &\necho $! > \"$1/child.pid.tmp\"\n"
                + "mv \"$1/child.pid.tmp\" \"$1/child.pid\"\nwait");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Handler handler = handler(home, options(script, List.of(out().toString()), Map.of()));
            Future<Outcome> result = pool.submit(() -> handler.handle(event("k", "{}")));
            Path pidFile = out().resolve("child.pid");
            await("the run started its child", DEADLINE, () -> Files.exists(pidFile));

            handler.close();

            Exception e = assertThrows(Exception.class, () -> result.get(1, TimeUnit.MINUTES));
            assertInstanceOf(CommandFailedException.class, e.getCause());
            long child = Long.parseLong(Files.readString(pidFile).strip());
            await("the child is killed", DEADLINE, () -> !running(child));
            assertThrows(IllegalStateException.class, () -> handler.handle(event("k", "{}")));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long markers(Path dir) {
        try (var files = Files.list(dir.resolve("running"))) {
            return files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
