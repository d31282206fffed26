package dev.hookyard.plugin.exec;

import dev.hookyard.spi.Handler;
import dev.hookyard.spi.Outcome;
import dev.hookyard.testkit.HandlerCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.hookyard.plugin.exec.ExecFixtures.await;
import static dev.hookyard.plugin.exec.ExecFixtures.event;
import static dev.hookyard.plugin.exec.ExecFixtures.handler;
import static dev.hookyard.plugin.exec.ExecFixtures.options;
import static dev.hookyard.plugin.exec.ExecFixtures.running;
import static dev.hookyard.plugin.exec.ExecFixtures.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The host interrupts a call that ran past the handler's timeout (the contract of {@link Handler}): the run is
 * cancelled, its command killed with everything it started, and its slot freed, so the next call runs.
 */
class InterruptedRunTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path home;

    @Test
    void anInterruptedRunKillsItsProcessTreeAndFreesItsSlotForTheNextRun() throws Exception {
        Path out = Files.createDirectories(home.resolve("out"));
        Path script = script(home, "hook.sh", "body=$(cat)\n"
                + "if [ \"$body\" = hang ]; then\n"
                + "  echo $$ > \"$1/shell.pid\"\n"
                + "  sleep 30 &\n"
                + "  echo $! > \"$1/child.pid.tmp\" && mv \"$1/child.pid.tmp\" \"$1/child.pid\"\n"
                + "  wait\n"
                // Children are killed first, so the shell may go on for an instant once its wait returns.
                + "  exit 1\n"
                + "fi\n"
                + "printf '%s\\n' \"$body\" >> \"$1/handled\"");
        Path childPid = out.resolve("child.pid");

        // One slot: the next run can only start if the interrupted one gave its slot back.
        try (Handler handler = handler(home, options(script, List.of(out.toString()),
                Map.of("maxConcurrent", 1, "timeoutSeconds", 60)))) {
            HandlerCall hanging = HandlerCall.start(handler, event("hang", "hang"))
                    .interruptWhen("the run started its child", () -> Files.exists(childPid));

            assertInstanceOf(InterruptedException.class, hanging.failure());
            long shell = Long.parseLong(Files.readString(out.resolve("shell.pid")).strip());
            long child = Long.parseLong(Files.readString(childPid).strip());
            await("the interrupted run's command is killed", DEADLINE, () -> !running(shell));
            await("and its sleep 30 child", DEADLINE, () -> !running(child));

            assertSame(Outcome.done(), HandlerCall.call(handler, event("next", "next")));
        }
        assertEquals(List.of("next"), Files.readAllLines(out.resolve("handled")));
    }
}
