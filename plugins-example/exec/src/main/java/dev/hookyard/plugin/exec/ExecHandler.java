package dev.hookyard.plugin.exec;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.spi.WebhookEvent;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One configured {@code exec} handler. Exit 0 is {@link Outcome#done()}; a non-zero exit or a timeout throws
 * {@link CommandFailedException} (retried by the host); a payload value no environment can hold is
 * {@link Outcome#drop dropped}, since no retry can fix it.
 *
 * <p>At most {@code maxConcurrent} runs are under way at once. A call that finds every slot taken waits for one, in
 * arrival order, for up to {@code timeoutSeconds}: every run ends (or is killed) within that time, so a slot normally
 * frees up. If none does, the host is sending faster than the command can keep up, and the call returns
 * {@link Outcome#retryAfter} one timeout later instead of holding the host's dispatch thread any longer.
 *
 * <p>A call the host interrupts (cancelled past its timeout) stops waiting for a slot or for its command, kills the
 * command's process tree, and gives its slot back, so the next call runs as usual.
 */
final class ExecHandler implements Handler {

    private final CommandSettings settings;
    private final Semaphore slots;
    private final LiveProcesses running = new LiveProcesses();
    private final CommandRun run;

    ExecHandler(CommandSettings settings) {
        this.settings = settings;
        this.slots = new Semaphore(settings.maxConcurrent(), true);
        this.run = new CommandRun(settings, running);
    }

    @Override
    public Outcome handle(WebhookEvent event) throws CommandFailedException, IOException, InterruptedException {
        Map<String, String> values;
        try {
            values = settings.variables().valuesIn(event.delivery().body());
        } catch (UnusableValueException e) {
            return Outcome.drop(e.getMessage());
        }
        if (!slots.tryAcquire(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            return Outcome.retryAfter(settings.timeout());
        }
        try {
            if (running.closed()) {
                throw new IllegalStateException("this exec handler is closed");
            }
            run.run(event, values);
            return Outcome.done();
        } finally {
            slots.release();
        }
    }

    /** Kills the process trees of runs still under way; their events fail and are retried after a restart. */
    @Override
    public void close() {
        running.closeAndKill();
    }
}
