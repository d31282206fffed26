package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.DeliveryStatus;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.server.store.StoredHeaders;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads stored deliveries: one column list and one mapping for every query that returns whole deliveries. */
final class DeliveryRows {

    /** The columns {@link #delivery(ResultSet, int)} reads, of table alias {@code d}. */
    static final String COLUMNS =
            "d.id, d.endpoint, d.vendor, d.event_type, d.delivery_key, d.headers, d.body, d.received_at, d.status";

    private DeliveryRows() {
    }

    /** The delivery in the row, its columns from {@code first} on in {@link #COLUMNS} order. */
    static StoredDelivery delivery(ResultSet rs, int first) throws SQLException {
        return new StoredDelivery(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), StoredHeaders.decode(rs.getString(first + 5)),
                rs.getBytes(first + 6), Instant.ofEpochMilli(rs.getLong(first + 7)),
                DeliveryStatus.fromCode(rs.getString(first + 8)));
    }

    /** The deliveries with these ids, by id (those purged meanwhile are missing), in one query. */
    static Map<Long, StoredDelivery> byIds(Connection c, List<Long> ids) throws SQLException {
        Map<Long, StoredDelivery> found = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement q = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM deliveries d WHERE d.id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            q.setArray(1, array);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    StoredDelivery d = delivery(rs, 1);
                    found.put(d.id(), d);
                }
            }
        }
        return found;
    }
}
