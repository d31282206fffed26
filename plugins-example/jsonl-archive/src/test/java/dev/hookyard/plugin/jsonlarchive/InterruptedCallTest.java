package dev.hookyard.plugin.jsonlarchive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.HandlerCall;
import dev.hookyard.testkit.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.event;
import static dev.hookyard.plugin.jsonlarchive.ArchiveFixtures.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The host interrupts a call that ran past the handler's timeout (the contract of {@link Handler}). An interrupt
 * used to close the day's cached file channel, so that every later append failed with ClosedChannelException until a
 * restart; now an interrupted call ends cleanly and the next call archives its event.
 */
class InterruptedCallTest {

    private static final Instant NOON = Instant.parse("2025-03-14T12:00:00Z");

    @TempDir
    Path home;

    private final StallingClock clock = new StallingClock(NOON);
    private Handler handler;

    @AfterEach
    void close() throws Exception {
        clock.release();
        if (handler != null) {
            handler.close();
        }
    }

    private Path today() {
        return home.resolve("data/archive/2025-03-14.jsonl");
    }

    private Handler handler() {
        handler = ArchiveFixtures.handler(home, clock, Map.of("dir", "data/archive"));
        return handler;
    }

    @Test
    void aCallInterruptedWhileItAppendsWritesItsWholeLineAndTheNextCallSucceeds() throws Exception {
        Handler archive = handler();
        WebhookEvent before = event("before", "{\"n\":1}");
        WebhookEvent interrupted = event("interrupted", "{\"n\":2}");
        WebhookEvent after = event("after", "{\"n\":3}");
        assertSame(Outcome.done(), HandlerCall.call(archive, before)); // the day's file is open from now on

        clock.stallNextRead();
        HandlerCall call = HandlerCall.start(archive, interrupted)
                .interruptWhen("the call stalls inside its append", clock::isStalled);
        clock.release();
        // How it ended is checked after the next call: that one succeeding is what matters most.
        Polling.until("the interrupted call ends", call::isDone);

        assertSame(Outcome.done(), HandlerCall.call(archive, after));
        // Once it holds the directory, a call writes its whole line: the interrupt neither tears it nor breaks the file.
        assertSame(Outcome.done(), call.outcome());
        assertEquals(List.of("before", "interrupted", "after"), deliveryKeys());
    }

    @Test
    void aCallInterruptedWhileWaitingForTheDirectoryGivesUpAndTheNextCallSucceeds() throws Exception {
        Handler archive = handler();
        WebhookEvent holding = event("holding", "{\"n\":1}");
        WebhookEvent waiting = event("waiting", "{\"n\":2}");
        WebhookEvent after = event("after", "{\"n\":3}");

        clock.stallNextRead();
        HandlerCall holder = HandlerCall.start(archive, holding);
        Polling.until("the first call stalls inside its append", clock::isStalled);
        HandlerCall waiter = HandlerCall.start(archive, waiting);
        waiter.interruptWhen("the second call waits for the directory", waiter::isWaiting);

        // It gives up at once, while the other call still holds the directory, and writes nothing.
        assertInstanceOf(InterruptedException.class, waiter.failure());
        assertFalse(holder.isDone(), "the call holding the directory is still stalled");
        clock.release();

        assertSame(Outcome.done(), holder.outcome());
        assertSame(Outcome.done(), HandlerCall.call(archive, after));
        assertEquals(List.of("holding", "after"), deliveryKeys());
    }

    private List<String> deliveryKeys() {
        return lines(today()).stream().map(line -> line.get("deliveryKey")).map(JsonNode::asText).toList();
    }
}
