package dev.hookyard.plugin.jsonlarchive;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The archive directory: appends complete lines to {@code <dir>/<yyyy-MM-dd>.jsonl}, the date being the UTC day of
 * the clock when the line is written (read while holding the lock, so files roll over in order), so a day's file is
 * never touched again once that day is over: it can be compressed or shipped right after midnight UTC. An event
 * retried or replayed days later lands in the file of the day it was archived; its line says when it was received.
 *
 * <p>Lines are never torn or interleaved: each is written whole at the end of the file while holding a lock; if a
 * write fails part-way (disk full), the file is cut back to where the line began. The lock belongs to the directory,
 * not to this object, so two handlers configured with the same {@code dir} still take turns (one process per
 * directory: other processes are not coordinated). With {@code fsync}, a line is on disk before {@link #append}
 * returns, so the event is not reported as done before it is safely archived.
 *
 * <p>Interrupts (the host's way of cancelling a call past its timeout, see {@link dev.hookyard.spi.Handler}): a call
 * still waiting for the lock gives up with {@link InterruptedException} and writes nothing. A call that already
 * holds the lock writes its whole line: stopping half-way would tear it. The open file is a {@link RandomAccessFile},
 * whose I/O an interrupt neither stops nor closes: an NIO {@link java.nio.channels.FileChannel} is closed by an
 * interrupt of any thread using it, and the cached channel then failed every later append of every thread with
 * {@link java.nio.channels.ClosedChannelException} until a restart; an interrupt mid-write also left a torn line
 * that the closed channel could no longer cut back.
 */
final class DailyFiles implements AutoCloseable {

    /** One lock per real directory path in this plugin; a handful of small objects, so never removed. */
    private static final Map<Path, ReentrantLock> DIRECTORY_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final Clock clock;
    private final boolean fsync;
    private final ReentrantLock lock;

    /** Guarded by {@link #lock}. */
    private LocalDate openDay;
    private RandomAccessFile openFile;
    private boolean closed;

    /**
     * @param directory an existing directory (its real path, so that two spellings share one lock)
     * @param clock     picks the day's file
     * @param fsync     whether each line is forced to disk before {@link #append} returns
     */
    DailyFiles(Path directory, Clock clock, boolean fsync) {
        this.directory = directory;
        this.clock = clock;
        this.fsync = fsync;
        this.lock = DIRECTORY_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
    }

    /** The file that lines written on {@code day} (UTC) go to. */
    Path fileFor(LocalDate day) {
        return directory.resolve(day + ".jsonl");
    }

    /**
     * Appends one line (which must end in a newline and contain no other) to the file of the current UTC day.
     *
     * @param line the complete line
     * @throws IOException          if it could not be written (the file is then as it was before the call)
     * @throws InterruptedException if the thread was interrupted while waiting for the lock (nothing was written)
     */
    void append(byte[] line) throws IOException, InterruptedException {
        lock.lockInterruptibly();
        try {
            if (closed) {
                throw new IllegalStateException("this jsonl-archive handler is closed");
            }
            RandomAccessFile file = fileOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            long start = file.length();
            try {
                file.seek(start);
                file.write(line);
                if (fsync) {
                    file.getFD().sync();
                }
            } catch (IOException e) {
                cutBack(file, start, e);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the open file; later appends fail. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            closed = true;
            closeOpenFile();
        } finally {
            lock.unlock();
        }
    }

    /** The file for {@code day}, rolling over from the previous day's file. Called holding the lock. */
    private RandomAccessFile fileOf(LocalDate day) throws IOException {
        if (openFile != null && day.equals(openDay)) {
            return openFile;
        }
        closeOpenFile();
        // Again here, not only at startup: a cleanup job may have removed an empty archive directory since.
        Files.createDirectories(directory);
        Path path = fileFor(day);
        boolean created = !Files.exists(path);
        openFile = new RandomAccessFile(path.toFile(), "rw"); // created if missing
        openDay = day;
        if (created && fsync) {
            forceDirectory();
        }
        return openFile;
    }

    private void closeOpenFile() throws IOException {
        RandomAccessFile file = openFile;
        openFile = null;
        openDay = null;
        if (file != null) {
            file.close();
        }
    }

    /**
     * A new file's name must reach the disk too, or a crash can lose the whole file, fsync'd lines and all. Java syncs
     * a directory through a channel only, which an interrupt closes: an interrupt pending (or arriving during the
     * sync, which is then tried once more) is held back until the sync is done, and then restored.
     */
    private void forceDirectory() {
        boolean interrupted = false;
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                interrupted |= Thread.interrupted();
                try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                    dir.force(true);
                    return;
                } catch (ClosedByInterruptException e) {
                    // interrupted during the sync: held back at the top of the loop, and synced again
                } catch (IOException | UnsupportedOperationException e) {
                    // Some platforms (Windows) cannot open a directory; the file's own fsync is the best they offer.
                    return;
                }
            }
        } finally {
            if (interrupted || Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Undoes a partial line so that a retry does not leave half a line before the whole one. */
    private static void cutBack(RandomAccessFile file, long start, IOException cause) {
        try {
            file.setLength(start);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
