package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.StoredHeaders;
import dev.hookyard.server.store.QueryRows;
import dev.hookyard.server.store.StoredDelivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the deliveries of claimed runs: all of them in one query. */
final class DeliveryRows {

    private DeliveryRows() {
    }

    /** The deliveries with these ids, by id (those purged meanwhile are missing). */
    static Map<Long, StoredDelivery> byIds(Connection c, List<Long> ids, StoredHeaders headers)
            throws SQLException {
        Map<Long, StoredDelivery> found = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement q = c.prepareStatement(
                "SELECT " + QueryRows.DELIVERY_COLUMNS + " FROM deliveries d WHERE d.id = ANY (?)")) {
            q.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    StoredDelivery d = QueryRows.delivery(rs, 1, headers);
                    found.put(d.id(), d);
                }
            }
        }
        return found;
    }
}
