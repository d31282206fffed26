package dev.hookyard.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.store.DeliveryStore.RunView;
import dev.hookyard.spi.Headers;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded SQLite store on a real file: the shared contract ({@link DeliveryStoreContract}), and what only it
 * does: WAL and synchronous settings, its directory, its schema version.
 */
class SqliteDeliveryStoreTest extends DeliveryStoreContract {

    @TempDir
    Path dir;

    @Override
    protected DeliveryStore open(Clock clock) throws Exception {
        return SqliteDeliveryStore.open(dir.resolve("data"), clock);
    }

    @Override
    protected String rawHeaders(long id) throws Exception {
        try (Connection c = connectToFile(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT headers FROM deliveries WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theFileIsInWalModeAndTheStoresConnectionsSyncFully() throws Exception {
        stored(delivery("least", "k", List.of("a")));

        try (Connection c = connectToFile(); Statement s = c.createStatement()) {
            assertEquals("wal", pragma(s, "journal_mode"), "WAL is a property of the file, seen by any connection");
        }
        assertTrue(Files.exists(dir.resolve("data").resolve(SqliteDeliveryStore.FILE_NAME + "-wal")));
        // synchronous and foreign_keys are per connection: ask the store's own two connections.
        for (String name : List.of("writer", "reader")) {
            try (Statement s = storeConnection(name).createStatement()) {
                assertEquals("2", pragma(s, "synchronous"), name + " synchronous (2 = FULL)");
                assertEquals("1", pragma(s, "foreign_keys"), name + " foreign_keys");
            }
        }
    }

    @Test
    void afterRecordingOutcomesTheWriterSyncsFullyAgainBeforeTheNextAppend() throws Exception {
        long id = stored(delivery("least", "k", List.of("a")));

        store.recordAll(List.of(new DeliveryStore.RunOutcome(id, "a", new RunResult.Done())));

        try (Statement s = storeConnection("writer").createStatement()) {
            assertEquals("2", pragma(s, "synchronous"), "outcomes commit without an fsync, appends always with one");
        }
        assertEquals(DeliveryStatus.DONE, store.find(id).orElseThrow().status());
        stored(delivery("least", "k2", List.of("a")));
        assertEquals(1, store.backlog());
    }

    @Test
    void aDirectoryThatCannotBeCreatedMakesTheStoreUnavailable() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> SqliteDeliveryStore.open(file.resolve("data"), CLOCK));

        assertTrue(e.getMessage().startsWith("cannot open the store at " + file.resolve("data")), e.getMessage());
    }

    @Test
    void aStoreWrittenByANewerSchemaIsRefused() throws Exception {
        Path newer = dir.resolve("newer");
        Files.createDirectories(newer);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer.resolve(SqliteDeliveryStore.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=99");
        }

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> SqliteDeliveryStore.open(newer, CLOCK));

        assertTrue(e.getMessage().contains("schema version 99 is newer"), e.getMessage());
    }

    private Connection connectToFile() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve(SqliteDeliveryStore.FILE_NAME));
    }

    /** One of the store's own connections: per-connection settings can only be read there. */
    private Connection storeConnection(String field) throws Exception {
        Field f = SqliteDeliveryStore.class.getDeclaredField(field);
        f.setAccessible(true);
        return (Connection) f.get(store);
    }

    private static String pragma(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
