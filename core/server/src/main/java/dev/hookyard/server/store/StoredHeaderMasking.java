package dev.hookyard.server.store;

import dev.hookyard.spi.CredentialHeaders;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the headers in the store masked by the rule in effect, in the file itself. The store records the rule its
 * headers were last masked with; when it opens under another one (a store written by an earlier Hookyard, whose
 * rule left {@code X-Api-Key} and the like in clear, or patterns added to {@code server.maskHeaders} since), every
 * row is read and those holding a credential in clear are rewritten, a batch per transaction. An interrupted rewrite
 * records nothing, so it starts again at the next open; rewriting a masked row changes nothing.
 *
 * <p>A rewritten value must not linger where SQLite would leave it: {@code secure_delete} zeroes the space the old
 * row took, and a checkpoint moves the rewritten pages from the log into the database file.
 */
final class StoredHeaderMasking {

    private static final Logger LOG = LoggerFactory.getLogger(StoredHeaderMasking.class);
    private static final String SETTING = "masked_headers";
    private static final int BATCH = 500;

    private StoredHeaderMasking() {
    }

    /** Masks what {@code rule} masks in every stored row, unless the store says they are masked by it already. */
    static void apply(Connection c, String file, CredentialHeaders rule) throws SQLException {
        // Order does not matter to what a rule masks, so neither does it to whether the store was masked by it.
        String wanted = String.join(",", new TreeSet<>(rule.patterns()));
        if (wanted.equals(recorded(c))) {
            return;
        }
        StoredHeaders stored = new StoredHeaders(rule);
        long rewritten = 0;
        execute(c, "PRAGMA secure_delete=ON");
        try {
            Batch batch = new Batch(0, true, 0);
            while (batch.more()) {
                execute(c, "BEGIN IMMEDIATE");
                try {
                    batch = rewriteBatch(c, stored, batch.lastId());
                    execute(c, "COMMIT");
                } catch (SQLException | RuntimeException e) {
                    execute(c, "ROLLBACK");
                    throw e;
                }
                rewritten += batch.rewritten();
            }
            try (PreparedStatement record = c.prepareStatement(
                    "INSERT OR REPLACE INTO store_settings (name, value) VALUES (?, ?)")) {
                record.setString(1, SETTING);
                record.setString(2, wanted);
                record.executeUpdate();
            }
        } finally {
            execute(c, "PRAGMA secure_delete=OFF");
        }
        if (rewritten > 0) {
            execute(c, "PRAGMA wal_checkpoint(TRUNCATE)");
            LOG.info("Store {}: masked credential headers of {} stored deliveries (rule {})", file, rewritten, wanted);
        }
    }

    /** One transaction's work: the last id read, whether rows may follow it, how many were rewritten. */
    private record Batch(long lastId, boolean more, int rewritten) {
    }

    /** Rewrites those of the next {@link #BATCH} rows after id {@code after} that hold a credential in clear. */
    private static Batch rewriteBatch(Connection c, StoredHeaders stored, long after) throws SQLException {
        Map<Long, String> rows = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, headers FROM deliveries WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
            select.setLong(1, after);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        int rewritten = 0;
        long last = after;
        try (PreparedStatement update = c.prepareStatement("UPDATE deliveries SET headers = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> row : rows.entrySet()) {
                last = row.getKey();
                String masked = stored.encode(StoredHeaders.decodeAsStored(row.getValue()));
                if (!masked.equals(row.getValue())) {
                    update.setString(1, masked);
                    update.setLong(2, last);
                    update.executeUpdate();
                    rewritten++;
                }
            }
        }
        return new Batch(last, rows.size() == BATCH, rewritten);
    }

    private static String recorded(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT value FROM store_settings WHERE name = ?")) {
            q.setString(1, SETTING);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
