package dev.hookyard.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the operator's queries do on every backend: filters, paging, show, replay, purge. Each backend's test opens
 * its real store and, beside its connections, its queries.
 */
public abstract class DeliveryQueriesContract {

    protected static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    protected static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    private DeliveryStore store;
    private DeliveryQueries queries;

    /** Opens the store under test (creating it). */
    protected abstract DeliveryStore openStore(Clock clock) throws Exception;

    /** Opens the queries over the store {@link #openStore} opened. */
    protected abstract DeliveryQueries openQueries() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore(CLOCK);
        queries = openQueries();
    }

    @AfterEach
    void close() {
        queries.close();
        store.close();
    }

    private long append(String endpoint, String vendor, String type, Instant at, List<String> handlers)
            throws StoreUnavailableException {
        String key = endpoint + "-" + type + "-" + at.toEpochMilli();
        NewDelivery d = new NewDelivery(endpoint, vendor, type, key,
                Headers.ofSingle(Map.of("Content-Type", "application/json", "X-LEAST-Signature", "sha256=abc")),
                ("{\"event\":\"" + type + "\"}").getBytes(StandardCharsets.UTF_8), at, handlers);
        return assertInstanceOf(AppendResult.Stored.class, store.append(d)).id();
    }

    private List<Long> ids(DeliveryFilter filter) throws StoreUnavailableException {
        return queries.list(filter).deliveries().stream().map(DeliverySummary::id).toList();
    }

    @Test
    void filtersByEndpointVendorTypeGlobStatusAndTimeRange() throws Exception {
        long a = append("least", "least", "record.created", T0, List.of("h"));
        long b = append("least", "least", "record.archived", T0.plusSeconds(60), List.of());
        long c = append("shop", "leaflink", "order.created", T0.plusSeconds(120), List.of("h"));
        store.record(c, "h", new RunResult.Dead("boom"));

        assertEquals(List.of(a, b, c), ids(DeliveryFilter.ANY));
        assertEquals(List.of(a, b), ids(DeliveryFilter.ANY.withEndpoint("least")));
        assertEquals(List.of(c), ids(DeliveryFilter.ANY.withVendor("leaf*")));
        assertEquals(List.of(a, b), ids(DeliveryFilter.ANY.withType("record.*")));
        assertEquals(List.of(c), ids(DeliveryFilter.ANY.withType("*.created").withEndpoint("s?op")));
        assertEquals(List.of(b), ids(DeliveryFilter.ANY.withStatuses(Set.of(DeliveryStatus.UNROUTED))));
        assertEquals(List.of(b, c), ids(DeliveryFilter.ANY.withStatuses(
                Set.of(DeliveryStatus.UNROUTED, DeliveryStatus.FAILED))));
        assertEquals(List.of(b), ids(DeliveryFilter.ANY.withSince(T0.plusSeconds(60)).withUntil(T0.plusSeconds(120))));
        assertEquals(List.of(), ids(DeliveryFilter.ANY.withType("record.[")), "[ is literal, as in routes");

        DeliverySummary failed = queries.list(DeliveryFilter.ANY.withAfter(b)).deliveries().get(0);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals(Map.of("h", RunStatus.DEAD), failed.runs());
        assertEquals(2, queries.count(DeliveryFilter.ANY.withEndpoint("least")));
    }

    @Test
    void pagesByIdWithACursorUntilTheLastPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            append("least", "least", "record.created", T0.plusSeconds(i), List.of());
        }
        DeliveryPage first = queries.list(DeliveryFilter.ANY.withLimit(2));
        assertEquals(List.of(1L, 2L), first.deliveries().stream().map(DeliverySummary::id).toList());
        assertEquals(2L, first.next().orElseThrow());
        DeliveryPage second = queries.list(DeliveryFilter.ANY.withLimit(2).withAfter(first.next().get()));
        assertEquals(List.of(3L, 4L), second.deliveries().stream().map(DeliverySummary::id).toList());
        DeliveryPage last = queries.list(DeliveryFilter.ANY.withLimit(2).withAfter(second.next().get()));
        assertEquals(List.of(5L), last.deliveries().stream().map(DeliverySummary::id).toList());
        assertTrue(last.next().isEmpty(), "no cursor after the last page");
        assertTrue(queries.list(DeliveryFilter.ANY.withLimit(5)).next().isEmpty(), "an exactly full page is last");
    }

    @Test
    void pagesNewestFirstWithTheCursorGoingDown() throws Exception {
        List<Long> appended = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appended.add(append("least", "least", "record.created", T0.plusSeconds(i), List.of("h")));
        }
        DeliveryFilter newest = DeliveryFilter.ANY.withNewestFirst(true).withLimit(2);
        DeliveryPage first = queries.list(newest);
        assertEquals(List.of(appended.get(4), appended.get(3)), first.deliveries().stream()
                .map(DeliverySummary::id).toList());
        DeliveryPage second = queries.list(newest.withAfter(first.next().orElseThrow()));
        assertEquals(List.of(appended.get(2), appended.get(1)), second.deliveries().stream()
                .map(DeliverySummary::id).toList());
        DeliveryPage last = queries.list(newest.withAfter(second.next().orElseThrow()));
        assertEquals(List.of(appended.get(0)), last.deliveries().stream().map(DeliverySummary::id).toList());
        assertTrue(last.next().isEmpty());
    }

    @Test
    void filtersByAHandlersRunStatusAndByDeliveryKey() throws Exception {
        long bothDone = append("least", "least", "record.created", T0, List.of("slack", "archive"));
        long slackDead = append("least", "least", "record.created", T0.plusSeconds(1), List.of("slack", "archive"));
        long archiveDead = append("least", "least", "record.created", T0.plusSeconds(2), List.of("slack", "archive"));
        long onlyArchive = append("least", "least", "record.created", T0.plusSeconds(3), List.of("archive"));
        store.record(bothDone, "slack", new RunResult.Done());
        store.record(bothDone, "archive", new RunResult.Done());
        store.record(slackDead, "slack", new RunResult.Dead("down"));
        store.record(slackDead, "archive", new RunResult.Done());
        store.record(archiveDead, "slack", new RunResult.Done());
        store.record(archiveDead, "archive", new RunResult.Dead("disk"));

        // Both failed deliveries are "failed"; only one is a dead letter of slack.
        assertEquals(List.of(slackDead, archiveDead), ids(DeliveryFilter.ANY.withStatuses(
                Set.of(DeliveryStatus.FAILED))));
        assertEquals(List.of(slackDead), ids(DeliveryFilter.ANY.withHandler("slack", Set.of(RunStatus.DEAD))));
        assertEquals(List.of(bothDone, slackDead, archiveDead),
                ids(DeliveryFilter.ANY.withHandler("slack", Set.of())), "every delivery slack has a run for");
        assertEquals(List.of(onlyArchive, archiveDead, slackDead, bothDone), ids(DeliveryFilter.ANY
                .withHandler("archive", Set.of(RunStatus.DONE, RunStatus.PENDING, RunStatus.DEAD))
                .withNewestFirst(true)));
        assertEquals(1, queries.count(DeliveryFilter.ANY.withHandler("archive", Set.of(RunStatus.DEAD))));
        assertEquals(List.of(archiveDead), ids(DeliveryFilter.ANY.withDeliveryKey(
                "least-record.created-" + T0.plusSeconds(2).toEpochMilli())));

        RunTotals totals = queries.runTotals();
        assertEquals(1, totals.count("slack", RunStatus.DEAD));
        assertEquals(2, totals.count("slack", RunStatus.DONE));
        assertEquals(1, totals.count("archive", RunStatus.PENDING));
        assertEquals(T0.plusSeconds(3), totals.oldestPending().orElseThrow(), "the only delivery still owed");
    }

    @Test
    void showsTheDeliveryWithMaskedHeadersBodyAndRuns() throws Exception {
        long id = append("least", "least", "record.created", T0, List.of("a", "b"));
        Instant due = T0.plusSeconds(30);
        store.record(id, "a", new RunResult.RetryAt(due, "timeout"));
        store.record(id, "b", new RunResult.Done());

        DeliveryDetail detail = queries.show(id).orElseThrow();
        assertEquals(List.of("****"), detail.delivery().headers().all("X-LEAST-Signature"));
        assertEquals("{\"event\":\"record.created\"}", new String(detail.delivery().body(), StandardCharsets.UTF_8));
        RunDetail a = detail.runs().get(0);
        assertEquals(new RunDetail("a", RunStatus.PENDING, 1, "timeout", due, CLOCK.instant()), a);
        RunDetail b = detail.runs().get(1);
        assertEquals(RunStatus.DONE, b.status());
        assertNull(b.nextDue(), "a finished run is due never");
        assertTrue(queries.show(999).isEmpty());
    }

    @Test
    void replayResetsAndCreatesRunsAndMakesTheDeliveryPendingAtOnce() throws Exception {
        long id = append("least", "least", "record.created", T0, List.of("a"));
        store.record(id, "a", new RunResult.Dead("gave up"));
        assertEquals(DeliveryStatus.FAILED, store.find(id).orElseThrow().status());

        Instant now = T0.plusSeconds(7200);
        assertEquals(List.of(id), queries.replay(Map.of(id, List.of("a", "b"), 999L, List.of("a")), now));

        assertEquals(DeliveryStatus.PENDING, store.find(id).orElseThrow().status());
        List<RunDetail> runs = queries.show(id).orElseThrow().runs();
        assertEquals(new RunDetail("a", RunStatus.PENDING, 0, null, now, now), runs.get(0));
        assertEquals(new RunDetail("b", RunStatus.PENDING, 0, null, now, now), runs.get(1));
        assertEquals(2, store.due(now, 10).size(), "the store's dispatcher side sees both runs due");
    }

    @Test
    void purgeRespectsAgeAndStatusAndDryRunAndDeletesRuns() throws Exception {
        long oldDone = append("least", "least", "a", T0, List.of("h"));
        store.record(oldDone, "h", new RunResult.Done());
        long oldFailed = append("least", "least", "b", T0.plusSeconds(1), List.of("h"));
        store.record(oldFailed, "h", new RunResult.Dead("x"));
        long oldUnrouted = append("least", "least", "c", T0.plusSeconds(2), List.of());
        long oldPending = append("least", "least", "d", T0.plusSeconds(3), List.of("h"));
        long recentDone = append("least", "least", "e", T0.plusSeconds(600), List.of("h"));
        store.record(recentDone, "h", new RunResult.Done());
        Instant cutoff = T0.plusSeconds(300);

        assertEquals(3, queries.purge(cutoff, false, true), "dry run counts done, failed and unrouted");
        assertEquals(5, queries.count(DeliveryFilter.ANY), "a dry run deletes nothing");

        assertEquals(3, queries.purge(cutoff, false, false));
        assertEquals(List.of(oldPending, recentDone), ids(DeliveryFilter.ANY), "pending and recent ones stay");
        assertTrue(queries.show(oldDone).isEmpty());
        assertTrue(store.runs(oldDone).isEmpty(), "runs go with their delivery");

        assertEquals(1, queries.purge(cutoff, true, false), "pending only when asked");
        assertEquals(List.of(recentDone), ids(DeliveryFilter.ANY));
    }
}
