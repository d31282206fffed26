package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hookyard.server.testing.PostgresCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real {@code bin/hookyard run} nodes on one PostgreSQL schema, each handling every event with the exec example
 * plugin: a script that takes a moment (so that a node always holds claims on runs it has not finished) and then
 * appends the event's record id to a file of its node's. Signed deliveries go to all three at once, some of them to
 * two nodes at the same moment; one node is killed with SIGKILL (the JVM itself, and the scripts it started) while
 * deliveries stream in and it holds claims. Then every delivery any node acknowledged with a 2xx must be stored
 * exactly once, and handled (recorded by a script, its run done) at least once within the lease time plus the time
 * the survivors need to work through what is left: the dead node's claimed runs are taken over once their leases
 * run out.
 */
class MultiNodeCrashIT {

    private static final PostgresCluster CLUSTER = PostgresCluster.shared();
    private static final Pattern MANAGEMENT = Pattern.compile("Management API on http://[^\\s:]+:(\\d+)");
    /** The handler: a moment's work, then the record id on a line of the file named by its argument. */
    private static final String HANDLER_SCRIPT = """
            #!/bin/sh
            sleep 0.2
            printf '%s\\n' "$RECORD_ID" >> "$1"
            """;
    private static final Pattern BACKLOG = Pattern.compile("(?m)^hookyard_backlog (\\S+)$");
    private static final Duration LEASE = Duration.ofSeconds(3);
    /**
     * After the last delivery, how long the survivors may take to have handled everything: the lease, then the
     * work left (some hundreds of script runs on a shared 2-core machine), generously.
     */
    private static final Duration HANDLED_WITHIN = LEASE.plusSeconds(120);
    /** Three JVMs starting at once on two cores (shared, when run beside other builds) take a while. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final int NODES = 3;
    private static final int DELIVERIES = 600;
    /** Every n-th delivery goes to two nodes at once (the same body, so the same key). */
    private static final int TWICE_EVERY = 4;
    /** The node killed, once this many deliveries were acknowledged. */
    private static final int VICTIM = 1;
    private static final int KILL_AFTER_ACKS = DELIVERIES / 3;
    private static final String SCHEMA = "crash";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ChildServer> nodes = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void killNodes() {
        nodes.forEach(ChildServer::kill);
    }

    @Test
    void everyAcknowledgedDeliveryIsStoredOnceAndHandledAfterANodeIsKilled() throws Exception {
        PostgresCluster.Database db = CLUSTER.createDatabase();
        Map<String, String> env = PostgresStoreYaml.environment(db);
        Path script = Files.writeString(work.resolve("handle.sh"), HANDLER_SCRIPT);
        List<Path> handledFiles = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            Path home = Files.createDirectories(work.resolve("node" + i));
            handledFiles.add(home.resolve("handled.txt"));
            Path plugins = home.resolve("plugins");
            PluginFolders.copy(PluginFolders.available("exec"), plugins.resolve("exec"));
            Path config = Files.writeString(home.resolve("hookyard.yaml"), nodeConfig(db, script, home));
            nodes.add(ChildServer.start(ChildServer.distributionHome().resolve("bin/hookyard"), home, env,
                    "run", "--config", config.toString(), "--plugins", plugins.toString()));
        }
        List<URI> bases = new ArrayList<>();
        for (ChildServer node : nodes) {
            bases.add(node.awaitReady(START_TIMEOUT));
            node.assertJvmReplacedTheLauncher(); // so that the SIGKILL below reaches the JVM itself
        }

        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger ackCount = new AtomicInteger();
        Semaphore concurrency = new Semaphore(16);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        Instant killedAt = null;
        int claimsOrphaned = -1;
        int killedAfterAcks = -1;
        for (int id = 0; id < DELIVERIES; id++) {
            // Killed once enough was acknowledged and while it holds claims on runs it has not finished: the
            // failover under test is the survivors taking those over once the leases end.
            if (killedAt == null && ackCount.get() >= KILL_AFTER_ACKS && id % 10 == 0
                    && claimsOf(db, nodes.get(VICTIM).pid()) > 0) {
                nodes.get(VICTIM).kill();
                killedAt = Instant.now();
                killedAfterAcks = ackCount.get();
                claimsOrphaned = claimsOf(db, nodes.get(VICTIM).pid());
            }
            byte[] body = ("{\"event\":\"record.created\",\"record_id\":" + id + "}").getBytes(StandardCharsets.UTF_8);
            int first = id % NODES;
            List<Integer> targets = id % TWICE_EVERY == 0 ? List.of(first, (first + 1) % NODES) : List.of(first);
            for (int target : targets) {
                concurrency.acquire();
                int delivery = id;
                sent.add(send(bases.get(target), body).whenComplete((status, failure) -> {
                    concurrency.release();
                    if (status != null) {
                        answers.merge(status, 1, Integer::sum);
                        if (status / 100 == 2 && acknowledged.add(delivery)) {
                            ackCount.incrementAndGet();
                        }
                    } else {
                        answers.merge(-1, 1, Integer::sum); // no answer: the connection failed or was cut
                    }
                }));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        Instant lastSent = Instant.now();
        assertTrue(killedAt != null, "the node was never killed: fewer than " + KILL_AFTER_ACKS + " acknowledged,"
                + " or it never held a claim from then on");

        // Stored exactly once: the unique constraint says so, and so must the rows.
        Map<Integer, Integer> stored = storedCounts(db);
        List<Integer> missing = acknowledged.stream().filter(id -> !stored.containsKey(id)).sorted().toList();
        assertEquals(List.of(), missing, "acknowledged but not stored");
        List<Integer> storedTwice = stored.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertEquals(List.of(), storedTwice, "stored more than once");

        // Handled at least once: recorded by some node's script, and its run done in the store.
        Instant deadline = lastSent.plus(HANDLED_WITHIN);
        Map<Integer, Integer> handled;
        Set<Integer> notDone;
        while (true) {
            handled = handledCounts(handledFiles);
            notDone = notDone(db);
            Set<Integer> unhandled = new TreeSet<>(acknowledged);
            unhandled.removeAll(handled.keySet());
            if (unhandled.isEmpty() && notDone.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("within " + HANDLED_WITHIN.toSeconds() + " s of the last delivery, " + unhandled.size()
                        + " acknowledged deliveries were not handled (" + first(unhandled) + ") and "
                        + notDone.size() + " stored deliveries had runs not done (" + first(notDone) + ")\n"
                        + survivorsTail());
            }
            Thread.sleep(200);
        }
        Duration handledAfter = Duration.between(lastSent, Instant.now());
        int duplicatesHandled = handled.values().stream().mapToInt(n -> n - 1).sum();
        int handledOnceOrMore = (int) acknowledged.stream().filter(handled::containsKey).count();
        // Where the extra calls came from: the victim's calls whose outcome it never recorded (run again by a
        // survivor, as at-least-once allows), or two survivors (one lost its lease while it still had the run).
        Map<Integer, Integer> byVictim = handledCounts(List.of(handledFiles.get(VICTIM)));
        List<Path> survivorFiles = new ArrayList<>(handledFiles);
        survivorFiles.remove(VICTIM);
        Map<Integer, Integer> bySurvivors = handledCounts(survivorFiles);
        long againAfterVictim = byVictim.keySet().stream().filter(bySurvivors::containsKey).count();
        int extraAmongSurvivors = bySurvivors.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("MultiNodeCrashIT: %d deliveries, answers %s; acknowledged %d, stored %d, handled %d"
                        + " (%d handled more than once, %d extra calls: %d run by the victim and again by a"
                        + " survivor, %d extra among the survivors); node %d killed after %d acknowledged holding %d"
                        + " pending claims; all handled %d ms after the last delivery%n",
                DELIVERIES, answers, acknowledged.size(), stored.size(), handledOnceOrMore,
                handled.values().stream().filter(n -> n > 1).count(), duplicatesHandled, againAfterVictim,
                extraAmongSurvivors, VICTIM, killedAfterAcks, claimsOrphaned, handledAfter.toMillis());

        // The survivors' backlog gauges: the store's shared count of pending runs, which is now zero.
        for (int i = 0; i < NODES; i++) {
            if (i != VICTIM) {
                awaitBacklogZero(nodes.get(i));
            }
        }
        for (int i = 0; i < NODES; i++) {
            if (i != VICTIM) {
                nodes.get(i).stop();
            }
        }
    }

    private String nodeConfig(PostgresCluster.Database db, Path script, Path home) {
        return String.join("\n",
                "server: { host: 127.0.0.1, port: 0 }",
                "management: { host: 127.0.0.1, port: 0 }",
                PostgresStoreYaml.section(db, SCHEMA, "poolSize: 4", "leaseTime: " + LEASE.toSeconds() + "s"),
                "endpoints:",
                "  least: { vendor: least, path: /hooks/least, secrets: [\"${env:LEAST_SECRET}\"] }",
                "handlers:",
                "  record:",
                "    type: exec",
                "    options:",
                "      command: [/bin/sh, '" + ChildServer.quoted(script) + "', '"
                        + ChildServer.quoted(home.resolve("handled.txt")) + "']",
                "      env: { RECORD_ID: /record_id }",
                "      maxConcurrent: 4",
                "routes:",
                "  - { to: [record] }",
                "");
    }

    /** POSTs a signed LEAST delivery; completes with the status, or exceptionally when no answer came. */
    private CompletableFuture<Integer> send(URI base, byte[] body) {
        try {
            return http.sendAsync(LeastSigning.signedPost(base.resolve("/hooks/least"), body),
                    HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pending runs the node with this process id holds claims on. */
    private static int claimsOf(PostgresCluster.Database db, long pid) {
        return Integer.parseInt(CLUSTER.psql(db.name(), "SELECT count(*) FROM " + SCHEMA + ".handler_runs"
                + " WHERE status = 'pending' AND claimed_by LIKE '%/" + pid + "/%'"));
    }

    /** Stored deliveries by record id, each with how many rows hold it. */
    private static Map<Integer, Integer> storedCounts(PostgresCluster.Database db) {
        return counts(CLUSTER.psql(db.name(), "SELECT convert_from(body, 'UTF8')::json->>'record_id', count(*) FROM "
                + SCHEMA + ".deliveries GROUP BY 1"));
    }

    /** Record ids of stored deliveries with a handler run not yet done. */
    private static Set<Integer> notDone(PostgresCluster.Database db) {
        String rows = CLUSTER.psql(db.name(), "SELECT DISTINCT convert_from(d.body, 'UTF8')::json->>'record_id'"
                + " FROM " + SCHEMA + ".deliveries d JOIN " + SCHEMA + ".handler_runs r ON r.delivery_id = d.id"
                + " WHERE r.status <> 'done'");
        return rows.lines().filter(l -> !l.isBlank()).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<Integer, Integer> counts(String psqlRows) {
        Map<Integer, Integer> counts = new HashMap<>();
        psqlRows.lines().filter(l -> !l.isBlank()).forEach(line -> {
            String[] columns = line.split("\\|");
            counts.put(Integer.valueOf(columns[0]), Integer.valueOf(columns[1]));
        });
        return counts;
    }

    /**
     * Handled events by record id, over every node's file (the killed node's too: what it handled before it died
     * counts), each with how many times it was handled. A line cut short by the kill is not counted.
     */
    private static Map<Integer, Integer> handledCounts(List<Path> files) throws IOException {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            for (String line : (end < 0 ? "" : text.substring(0, end)).split("\n")) {
                if (!line.isBlank()) {
                    counts.merge(Integer.valueOf(line.strip()), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private void awaitBacklogZero(ChildServer node) throws Exception {
        Matcher management = MANAGEMENT.matcher(node.awaitLine(l -> MANAGEMENT.matcher(l).find(),
                "the management API's address"));
        assertTrue(management.find());
        URI metrics = URI.create("http://127.0.0.1:" + management.group(1) + "/metrics");
        Instant deadline = Instant.now().plusSeconds(30);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            String body = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher backlog = BACKLOG.matcher(body);
            last = backlog.find() ? backlog.group(1) : "absent";
            if (last.equals("0.0")) {
                return;
            }
            Thread.sleep(200);
        }
        fail("a survivor's hookyard_backlog stayed at " + last + " with nothing pending in the store");
    }

    private static String first(Set<Integer> ids) {
        return ids.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "))
                + (ids.size() > 20 ? ", ..." : "");
    }

    private String survivorsTail() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < NODES; i++) {
            text.append("node ").append(i).append(":\n").append(nodes.get(i).transcript(40)).append('\n');
        }
        return text.toString();
    }
}
