package dev.hookyard.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The SQL that the operator's queries of every backend share (their tables are the same): the filter of a listing,
 * and how deliveries, their runs and listing rows are read. Only what the engines spell differently is left to each
 * backend: how a route glob is matched, and how a listing row's run statuses are aggregated.
 */
public final class QueryRows {

    /** The columns {@link #delivery(ResultSet, int)} reads, of table alias {@code d}. */
    public static final String DELIVERY_COLUMNS =
            "d.id, d.endpoint, d.vendor, d.event_type, d.delivery_key, d.headers, d.body, d.received_at, d.status";

    /** Matches a column against a route glob ({@code *}, {@code ?}) in one engine's SQL. */
    public interface GlobMatch {

        /** The condition on {@code column}, with one placeholder. */
        String condition(String column);

        /** The placeholder's value for {@code glob}. */
        String argument(String glob);
    }

    private QueryRows() {
    }

    /** The delivery in the row, its columns from {@code first} on in {@link #DELIVERY_COLUMNS} order. */
    public static StoredDelivery delivery(ResultSet rs, int first, StoredHeaders headers) throws SQLException {
        return new StoredDelivery(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), headers.decode(rs.getString(first + 5)),
                rs.getBytes(first + 6), Instant.ofEpochMilli(rs.getLong(first + 7)),
                DeliveryStatus.fromCode(rs.getString(first + 8)));
    }

    /** The delivery with this id and its runs. */
    public static Optional<DeliveryDetail> detail(Connection c, long id, StoredHeaders headers) throws SQLException {
        StoredDelivery delivery;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT " + DELIVERY_COLUMNS + " FROM deliveries d WHERE d.id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                delivery = delivery(rs, 1, headers);
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT handler, status, attempts, last_error, next_due,"
                + " updated_at FROM handler_runs WHERE delivery_id = ? ORDER BY handler")) {
            q.setLong(1, id);
            List<RunDetail> runs = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    RunStatus status = RunStatus.fromCode(rs.getString(2));
                    runs.add(new RunDetail(rs.getString(1), status, rs.getInt(3), rs.getString(4),
                            status == RunStatus.PENDING ? Instant.ofEpochMilli(rs.getLong(5)) : null,
                            Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
            return Optional.of(new DeliveryDetail(delivery, runs));
        }
    }

    /**
     * The columns of a listing row, of table alias {@code d}: {@code runs} aggregates the delivery's runs as
     * {@code handler=status} pairs joined by commas, and {@code bodyLength} measures the body, in the engine's SQL.
     */
    public static String summaryColumns(String runs, String bodyLength) {
        return "d.id, d.endpoint, d.vendor, d.event_type, d.delivery_key, d.received_at, d.status, " + bodyLength
                + ", " + runs;
    }

    /** A listing row, read from {@link #summaryColumns}. */
    public static DeliverySummary summary(ResultSet rs) throws SQLException {
        Map<String, RunStatus> runs = new TreeMap<>();
        String concatenated = rs.getString(9);
        if (concatenated != null) {
            for (String pair : concatenated.split(",")) {
                int eq = pair.lastIndexOf('=');
                runs.put(pair.substring(0, eq), RunStatus.fromCode(pair.substring(eq + 1)));
            }
        }
        return new DeliverySummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), DeliveryStatus.fromCode(rs.getString(7)),
                rs.getInt(8), runs);
    }

    /** {@code filter} as a condition on {@code deliveries d}; its values are added to {@code arguments}. */
    public static String where(DeliveryFilter filter, List<Object> arguments, GlobMatch globs) {
        StringBuilder where = new StringBuilder("1 = 1");
        glob(where, arguments, globs, "d.endpoint", filter.endpoint());
        glob(where, arguments, globs, "d.vendor", filter.vendor());
        glob(where, arguments, globs, "d.event_type", filter.type());
        if (!filter.statuses().isEmpty()) {
            where.append(" AND d.status IN (").append(placeholders(filter.statuses().size())).append(')');
            filter.statuses().stream().map(DeliveryStatus::code).sorted().forEach(arguments::add);
        }
        if (filter.since() != null) {
            where.append(" AND d.received_at >= ?");
            arguments.add(filter.since().toEpochMilli());
        }
        if (filter.until() != null) {
            where.append(" AND d.received_at < ?");
            arguments.add(filter.until().toEpochMilli());
        }
        if (filter.deliveryKey() != null) {
            where.append(" AND d.delivery_key = ?");
            arguments.add(filter.deliveryKey());
        }
        if (filter.handler() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM handler_runs h WHERE h.delivery_id = d.id AND h.handler = ?");
            arguments.add(filter.handler());
            if (!filter.runStatuses().isEmpty()) {
                where.append(" AND h.status IN (").append(placeholders(filter.runStatuses().size())).append(')');
                filter.runStatuses().stream().map(RunStatus::code).sorted().forEach(arguments::add);
            }
            where.append(')');
        }
        if (filter.after() != null) {
            where.append(filter.newestFirst() ? " AND d.id < ?" : " AND d.id > ?");
            arguments.add(filter.after());
        }
        return where.toString();
    }

    /** The listing's order, the one its keyset cursor follows. */
    public static String order(DeliveryFilter filter) {
        return filter.newestFirst() ? " ORDER BY d.id DESC" : " ORDER BY d.id";
    }

    /** Each handler's runs counted by status, and the receipt of the oldest delivery a handler still owes. */
    public static RunTotals runTotals(Connection c) throws SQLException {
        Map<String, Map<RunStatus, Long>> byHandler = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT handler, status, count(*) FROM handler_runs GROUP BY handler, status")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byHandler.computeIfAbsent(rs.getString(1), h -> new java.util.EnumMap<>(RunStatus.class))
                            .put(RunStatus.fromCode(rs.getString(2)), rs.getLong(3));
                }
            }
        }
        Instant oldestPending = null;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT min(received_at) FROM deliveries WHERE status = 'pending'")) {
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    long millis = rs.getLong(1);
                    oldestPending = rs.wasNull() ? null : Instant.ofEpochMilli(millis);
                }
            }
        }
        return new RunTotals(byHandler, Optional.ofNullable(oldestPending));
    }

    private static void glob(StringBuilder where, List<Object> arguments, GlobMatch globs, String column,
                             String glob) {
        if (glob == null || glob.isEmpty() || glob.equals("*")) {
            return;
        }
        where.append(" AND ").append(globs.condition(column));
        arguments.add(globs.argument(glob));
    }

    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds the arguments {@link #where} collected (texts and numbers), in order. */
    public static void bind(PreparedStatement statement, List<Object> arguments) throws SQLException {
        for (int i = 0; i < arguments.size(); i++) {
            Object argument = arguments.get(i);
            if (argument instanceof String text) {
                statement.setString(i + 1, text);
            } else if (argument instanceof Number number) {
                statement.setLong(i + 1, number.longValue());
            } else {
                throw new IllegalArgumentException("not a text or a number: " + argument.getClass());
            }
        }
    }

    /**
     * Sets each delivery of {@code handlersById} pending again, with a fresh pending run of each handler named,
     * through the backend's two statements: {@code delivery} (one placeholder, the id) and {@code run} (delivery id,
     * handler, next due, updated at). Deliveries go in id order, each before its runs: the order in which outcome
     * recording locks them. Returns the ids replayed (those still stored, with at least one handler).
     */
    public static List<Long> replay(PreparedStatement delivery, PreparedStatement run,
                                    Map<Long, List<String>> handlersById, Instant now) throws SQLException {
        List<Long> replayed = new ArrayList<>();
        for (Map.Entry<Long, List<String>> entry : new TreeMap<>(handlersById).entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            delivery.setLong(1, entry.getKey());
            if (delivery.executeUpdate() == 0) {
                continue;
            }
            for (String handler : entry.getValue()) {
                run.setLong(1, entry.getKey());
                run.setString(2, handler);
                run.setLong(3, now.toEpochMilli());
                run.setLong(4, now.toEpochMilli());
                run.executeUpdate();
            }
            replayed.add(entry.getKey());
        }
        return replayed;
    }
}
