package dev.hookyard.plugin.jsonlarchive;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;

import java.io.IOException;

/**
 * One configured {@code jsonl-archive} handler: encodes each event into a line (outside any lock, so threads encode
 * in parallel) and appends it to the day's file. A write failure is thrown, so the host retries the event; since
 * delivery is at-least-once, an archive may hold the same delivery key more than once.
 *
 * <p>A call the host interrupts (cancelled past its timeout) either gives up before it writes, or writes its whole
 * line; either way the next call archives its event (see {@link DailyFiles}).
 */
final class JsonlArchiveHandler implements Handler {

    private final ArchiveLineEncoder encoder;
    private final DailyFiles files;

    JsonlArchiveHandler(ArchiveLineEncoder encoder, DailyFiles files) {
        this.encoder = encoder;
        this.files = files;
    }

    @Override
    public Outcome handle(WebhookEvent event) throws IOException, InterruptedException {
        files.append(encoder.encode(event));
        return Outcome.done();
    }

    /** Closes the open day's file. */
    @Override
    public void close() throws IOException {
        files.close();
    }
}
