package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP on the real distribution: {@code bin/hookyard run} as a child process, {@code kill -HUP PID} while senders
 * deliver without pause, and a secret rotated through {@code ${file:}} secrets with both active meanwhile: no good
 * delivery is refused, and the retired secret is refused afterwards.
 */
class ReloadIT {

    private static final Pattern MANAGEMENT = Pattern.compile("Management API on http://[^\\s:]+:(\\d+)");
    private static final String OLD = "old-secret-from-file";
    private static final String NEW = "new-secret-from-file";
    private static final int SENDERS = 3;

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

    /** One answer: the secret that signed the delivery, and the status. */
    private record Answer(String secret, int status) {
    }

    private Path writeConfig(String secrets) throws Exception {
        String yaml = String.join("\n",
                "server: { host: 127.0.0.1, port: 0 }",
                "management: { host: 127.0.0.1, port: 0 }",
                "store: { path: '" + ChildServer.quoted(work.resolve("store")) + "' }",
                "endpoints:",
                "  least: { vendor: least, path: /hooks/least, secrets: " + secrets + " }",
                "handlers:",
                "  log: { type: log }",
                "routes:",
                "  - { to: [log] }",
                "");
        // Saved as an editor saves: a new file renamed over the old one.
        Path saved = Files.writeString(work.resolve(".hookyard.yaml.new"), yaml);
        return Files.move(saved, work.resolve("hookyard.yaml"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private String fileSecret(String name, String value) throws Exception {
        Path file = Files.writeString(work.resolve(name), value);
        return "\"${file:" + file.toAbsolutePath().toString().replace("\"", "\\\"") + "}\"";
    }

    private int post(URI least, String secret, long n) {
        byte[] body = ("{\"event\":\"record.created\",\"record_id\":" + n + "}").getBytes(StandardCharsets.UTF_8);
        try {
            return http.send(HttpRequest.newBuilder(least)
                    .header("Content-Type", "application/json")
                    .header("X-LEAST-Signature", LeastSigning.signature(secret, body))
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Senders delivering without pause until {@link #stop}; {@code secretOf} picks each delivery's secret. */
    private final class Load {
        private final List<Answer> answers = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Load(URI least, AtomicLong sequence, LongFunction<String> secretOf) {
            for (int i = 0; i < SENDERS; i++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        long n = sequence.incrementAndGet();
                        String secret = secretOf.apply(n);
                        answers.add(new Answer(secret, post(least, secret, n)));
                    }
                });
                threads.add(thread);
                thread.start();
            }
        }

        void awaitMore(int more) throws InterruptedException {
            int target = answers.size() + more;
            long deadline = System.nanoTime() + ChildServer.EVENT_TIMEOUT.toNanos();
            while (answers.size() < target) {
                assertTrue(System.nanoTime() < deadline, "senders stalled at " + answers.size() + "\n"
                        + server.transcript(40));
                Thread.sleep(10);
            }
        }

        List<Answer> stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            return List.copyOf(answers);
        }
    }

    @Test
    void sighupRotatesAFileSecretUnderLoadWithoutRefusingAGoodDelivery() throws Exception {
        Path launcher = ChildServer.distributionHome().resolve("bin/hookyard");
        String old = fileSecret("old.secret", OLD);
        String rotated = fileSecret("new.secret", NEW);
        Path config = writeConfig("[" + old + "]");
        server = ChildServer.start(launcher, config, work);
        URI least = server.awaitReady().resolve("/hooks/least");
        Assumptions.assumeTrue(server.output().stream().noneMatch(l -> l.contains("SIGHUP is ignored")),
                "this build runs with SIGHUP ignored (nohup), which its child processes inherit");
        AtomicLong sequence = new AtomicLong();
        List<Answer> answers = new ArrayList<>();

        // Both secrets active: the senders move to the new one while the old one still verifies.
        AtomicBoolean both = new AtomicBoolean();
        Load first = new Load(least, sequence, n -> both.get() && n % 2 == 0 ? NEW : OLD);
        first.awaitMore(20);
        writeConfig("[" + old + ", " + rotated + "]");
        server.hangUp();
        server.awaitLines(l -> l.contains("Reload (signal) applied"), 1, "the first reload");
        both.set(true);
        first.awaitMore(30);
        answers.addAll(first.stop());

        // The old secret retired while the senders keep delivering with the new one.
        Load second = new Load(least, sequence, n -> NEW);
        second.awaitMore(20);
        writeConfig("[" + rotated + "]");
        server.hangUp();
        server.awaitLines(l -> l.contains("Reload (signal) applied"), 2, "the second reload");
        second.awaitMore(20);
        answers.addAll(second.stop());

        assertEquals(List.of(), answers.stream().filter(a -> a.status() != 200).toList(),
                "no good delivery refused during the rotation\n" + server.transcript(40));
        assertTrue(answers.stream().anyMatch(a -> a.secret().equals(NEW)));
        assertEquals(401, post(least, OLD, -1), "the retired secret no longer verifies");
        assertEquals(200, post(least, NEW, -2));

        Matcher management = MANAGEMENT.matcher(server.awaitLine(l -> MANAGEMENT.matcher(l).find(),
                "the management API line"));
        assertTrue(management.find());
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.group(1)
                + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("hookyard_config_reloads_total{result=\"applied\"} 2.0"), metrics);
        assertTrue(metrics.contains("hookyard_config_last_reload_successful 1.0"), metrics);
        server.stop();
    }
}
