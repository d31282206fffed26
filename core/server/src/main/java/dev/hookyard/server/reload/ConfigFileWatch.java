package dev.hookyard.server.reload;

import dev.hookyard.server.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code reload: { watch: true }}: reloads the configuration when its file's content changes. It watches the file's
 * directory, not the file: editors that save by writing a new file and renaming it over the old one, {@code git pull},
 * and mounted configurations swapped through a symbolic link all replace the file, and a watch on the file itself
 * would follow the old one. Any change in the directory makes it read the file once the directory has been quiet for
 * {@link #QUIET_MILLIS} (a save is often several events: write, rename, attributes), and it reloads only when the
 * file's SHA-256 differs from the last one it saw, so other files in the directory, and a save that changes nothing,
 * reload nothing. A refused configuration is not read again until the file changes once more.
 */
public final class ConfigFileWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.reload");
    /** How long the directory must be quiet before the file is read. */
    static final long QUIET_MILLIS = 500;

    private final Path file;
    private final Runnable reload;
    private final Thread thread;
    private WatchService watcher;
    /** The SHA-256 of the content last reloaded (or started with); touched by the watch thread only. */
    private String lastSeen;

    /**
     * @param fileSha256 the SHA-256 of the file's content the server runs with
     * @param reload     reloads the configuration (called on the watch's own thread)
     */
    public ConfigFileWatch(Path file, String fileSha256, Runnable reload) {
        this.file = file.toAbsolutePath().normalize();
        this.lastSeen = fileSha256;
        this.reload = reload;
        this.thread = new Thread(this::run, "hookyard-config-watch");
        thread.setDaemon(true);
    }

    /** Starts watching the file's directory. */
    public void start() throws IOException {
        watcher = file.getFileSystem().newWatchService();
        file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        thread.start();
        LOG.info("Watching {} for changes: a change reloads the configuration", file);
    }

    private void run() {
        try {
            while (true) {
                consume(watcher.take());
                // Quiet for a while: the save that caused the first event is complete.
                for (WatchKey next = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); next != null;
                     next = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    consume(next);
                }
                reloadIfChanged();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the server is stopping
        }
    }

    private static void consume(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private void reloadIfChanged() {
        String now;
        try {
            now = ConfigLoader.sha256(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return; // between a delete and the write of its replacement: the next event brings it
        } catch (IOException e) {
            LOG.warn("Cannot read {} to see whether it changed: {}", file, e.toString());
            return;
        }
        if (now.equals(lastSeen)) {
            return;
        }
        lastSeen = now;
        try {
            reload.run();
        } catch (RuntimeException e) {
            LOG.error("Reloading {} after it changed failed", file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            LOG.debug("Closing the watch of {} failed: {}", file, e.toString());
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
