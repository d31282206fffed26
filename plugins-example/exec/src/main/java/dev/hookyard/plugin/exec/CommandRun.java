package dev.hookyard.plugin.exec;

import dev.hookyard.spi.WebhookEvent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command once for one event.
 *
 * <p>The body goes to stdin from a temporary file, stderr to another, and stdout is discarded: with no pipe to feed
 * or drain there are no helper threads, and no way to deadlock on a command that does not read its input or fills
 * its output, nor to hang on a background child that keeps a pipe open. Only the last {@value #STDERR_TAIL_BYTES}
 * bytes of stderr are read back. Both files are private to the Hookyard user ({@link Files#createTempFile} makes
 * them so on POSIX) and deleted after the run.
 */
final class CommandRun {

    /** How much of the end of stderr a failure reports. */
    static final int STDERR_TAIL_BYTES = 1024;

    /** How long to wait for a killed process to be gone. SIGKILL cannot be ignored, so this is generous. */
    private static final long KILL_WAIT_SECONDS = 10;

    private final CommandSettings settings;
    private final LiveProcesses running;

    /**
     * @param running where the process is registered while it runs, so that closing the handler can kill it
     */
    CommandRun(CommandSettings settings, LiveProcesses running) {
        this.settings = settings;
        this.running = running;
    }

    /**
     * Runs the command to completion or timeout.
     *
     * @throws CommandFailedException if it exited non-zero or timed out (its process tree is then killed)
     * @throws IOException            if it could not be started
     * @throws InterruptedException   if the calling thread was interrupted (the process tree is then killed)
     */
    void run(WebhookEvent event, Map<String, String> payloadValues)
            throws CommandFailedException, IOException, InterruptedException {
        Path stdin = Files.createTempFile("hookyard-exec-", ".stdin");
        Path stderr = null;
        try {
            Files.write(stdin, event.delivery().body());
            stderr = Files.createTempFile("hookyard-exec-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(settings.command())
                    .directory(settings.workingDirectory().toFile())
                    .redirectInput(stdin.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile());
            CommandEnvironment.fill(builder.environment(), settings, event, payloadValues);
            awaitExit(builder.start(), stderr);
        } finally {
            Files.deleteIfExists(stdin);
            if (stderr != null) {
                Files.deleteIfExists(stderr);
            }
        }
    }

    private void awaitExit(Process process, Path stderr)
            throws CommandFailedException, IOException, InterruptedException {
        running.add(process);
        try {
            boolean exited;
            try {
                exited = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                ProcessTree.kill(process.toHandle());
                throw e;
            }
            if (!exited) {
                int killed = ProcessTree.kill(process.toHandle());
                process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
                throw CommandFailedException.timedOut(settings.programName(), settings.timeout(), killed,
                        tail(stderr));
            }
            if (running.closed()) {
                throw CommandFailedException.stopped(settings.programName());
            }
            if (process.exitValue() != 0) {
                throw CommandFailedException.exited(settings.programName(), process.exitValue(), tail(stderr));
            }
        } finally {
            running.remove(process);
        }
    }

    /** The last {@link #STDERR_TAIL_BYTES} bytes of the file as text, a cut character replaced, trimmed. */
    static String tail(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, STDERR_TAIL_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .strip();
        }
    }
}
