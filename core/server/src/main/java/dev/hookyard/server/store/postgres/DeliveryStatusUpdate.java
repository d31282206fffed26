package dev.hookyard.server.store.postgres;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Derives a delivery's status from its handler runs (after an outcome is recorded). */
final class DeliveryStatusUpdate {

    static final String SQL = """
            UPDATE deliveries SET status = CASE
              WHEN EXISTS (SELECT 1 FROM handler_runs WHERE delivery_id = ? AND status = 'pending') THEN 'pending'
              WHEN EXISTS (SELECT 1 FROM handler_runs WHERE delivery_id = ? AND status IN ('dead', 'dropped'))
                THEN 'failed'
              ELSE 'done' END
            WHERE id = ?""";

    private DeliveryStatusUpdate() {
    }

    static void bind(PreparedStatement update, long deliveryId) throws SQLException {
        update.setLong(1, deliveryId);
        update.setLong(2, deliveryId);
        update.setLong(3, deliveryId);
    }
}
