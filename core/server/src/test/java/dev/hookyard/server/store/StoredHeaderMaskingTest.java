package dev.hookyard.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.testing.StoreFiles;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Headers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by an earlier Hookyard, whose rule left {@code X-Api-Key}, {@code X-Password}, {@code X-Session}
 * and the like in clear: made here with that version's schema and rows, then opened by this one. Its credential
 * headers come out masked in the database file itself, not only when read.
 */
class StoredHeaderMaskingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final List<String> CLEAR_VALUES = List.of("clear-api-key-5e1b", "clear-password-2a90",
            "clear-session-c4d7", "clear-credential-91fe", "clear-underscore-key-70aa");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(SqliteDeliveryStore.FILE_NAME);
    }

    /**
     * Schema version 1 exactly as the earlier version created it, with rows as it wrote them: spelled out here, not
     * taken from {@link StoreSchema}, since it is that version's file whatever the current schema becomes.
     */
    private void writeVersionOneStore() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("""
                    CREATE TABLE deliveries (
                      id INTEGER PRIMARY KEY,
                      endpoint TEXT NOT NULL,
                      vendor TEXT NOT NULL,
                      event_type TEXT NOT NULL,
                      delivery_key TEXT NOT NULL,
                      headers TEXT NOT NULL,
                      body BLOB NOT NULL,
                      received_at INTEGER NOT NULL,
                      status TEXT NOT NULL,
                      UNIQUE (endpoint, delivery_key))""");
            s.execute("""
                    CREATE TABLE handler_runs (
                      delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
                      handler TEXT NOT NULL,
                      status TEXT NOT NULL,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      next_due INTEGER NOT NULL,
                      last_error TEXT,
                      updated_at INTEGER NOT NULL,
                      PRIMARY KEY (delivery_id, handler))""");
            s.execute("CREATE INDEX handler_runs_due ON handler_runs (status, next_due)");
            s.execute("CREATE INDEX deliveries_received ON deliveries (received_at)");
            s.execute("PRAGMA user_version=1");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO deliveries (endpoint, vendor, event_type,"
                    + " delivery_key, headers, body, received_at, status) VALUES ('least', 'least', 'record.created',"
                    + " ?, ?, '{}', 0, 'pending')")) {
                insert.setString(1, "k1");
                insert.setString(2, "{\"Content-Type\":[\"application/json\"],\"X-LEAST-Signature\":[\"****\"],"
                        + "\"X-Api-Key\":[\"clear-api-key-5e1b\"],\"X-Password\":[\"clear-password-2a90\"],"
                        + "\"X-Request-Id\":[\"kept-request-id-3c3c\"]}");
                insert.executeUpdate();
                insert.setString(1, "k2");
                insert.setString(2, "{\"X-Session\":[\"clear-session-c4d7\",\"clear-credential-91fe\"],"
                        + "\"X-API_KEY\":[\"clear-underscore-key-70aa\"]}");
                insert.executeUpdate();
                insert.setString(1, "k3");
                insert.setString(2, "{\"Content-Type\":[\"application/json\"]}");
                insert.executeUpdate();
            }
            s.execute("INSERT INTO handler_runs (delivery_id, handler, status, next_due, updated_at)"
                    + " VALUES (1, 'archive', 'pending', 0, 0)");
        }
    }

    private List<String> storedHeaders() throws Exception {
        List<String> headers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT headers FROM deliveries ORDER BY id")) {
            while (rs.next()) {
                headers.add(rs.getString(1));
            }
        }
        return headers;
    }

    @Test
    void credentialHeadersStoredInClearByAnEarlierVersionAreMaskedInTheFile() throws Exception {
        writeVersionOneStore();
        assertTrue(StoreFiles.bytes(dir).contains("clear-api-key-5e1b"), "the old store holds the credential in clear");

        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(dir, CLOCK)) {
            assertEquals(1, store.backlog(), "the store's rows are all still there");
            assertEquals("k2", store.find(2).orElseThrow().deliveryKey());
        }

        assertEquals(List.of(
                "{\"Content-Type\":[\"application/json\"],\"X-LEAST-Signature\":[\"****\"],"
                        + "\"X-Api-Key\":[\"****\"],\"X-Password\":[\"****\"],"
                        + "\"X-Request-Id\":[\"kept-request-id-3c3c\"]}",
                "{\"X-Session\":[\"****\",\"****\"],\"X-API_KEY\":[\"****\"]}",
                "{\"Content-Type\":[\"application/json\"]}"), storedHeaders());
        String bytes = StoreFiles.bytes(dir);
        assertTrue(bytes.contains("kept-request-id-3c3c"), "the scan sees stored header values");
        CLEAR_VALUES.forEach(value -> assertFalse(bytes.contains(value), "left in the file: " + value));
    }

    @Test
    void aPatternAddedToTheConfigurationMasksWhatWasStoredBeforeIt() throws Exception {
        Headers headers = Headers.of(Map.of("X-Tenant-Id", List.of("clear-tenant-8d2e")));
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(dir, CLOCK)) {
            store.append(new NewDelivery("least", "least", "record.created", "k", headers, new byte[] {'{', '}'},
                    CLOCK.instant(), List.of()));
        }
        assertTrue(storedHeaders().get(0).contains("clear-tenant-8d2e"), "not a credential by the built-in rule");

        CredentialHeaders configured = CredentialHeaders.DEFAULT.withPatterns(List.of("x-tenant-*"));
        try (SqliteDeliveryStore store = SqliteDeliveryStore.open(dir, CLOCK, CommitPolicy.GROUP,
                CommitObserver.NONE, configured)) {
            assertEquals(List.of("****"), store.find(1).orElseThrow().headers().all("X-Tenant-Id"));
        }

        assertEquals(List.of("{\"X-Tenant-Id\":[\"****\"]}"), storedHeaders());
        assertFalse(StoreFiles.bytes(dir).contains("clear-tenant-8d2e"));
    }
}
