package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.DeliveryFilter;
import dev.hookyard.server.store.DeliveryStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/** A {@link DeliveryFilter} as a WHERE clause over {@code deliveries d}, with its arguments. */
final class DeliveryFilterSql {

    private DeliveryFilterSql() {
    }

    static String where(DeliveryFilter filter, List<Object> arguments) {
        StringBuilder where = new StringBuilder("TRUE");
        glob(where, arguments, "d.endpoint", filter.endpoint());
        glob(where, arguments, "d.vendor", filter.vendor());
        glob(where, arguments, "d.event_type", filter.type());
        if (!filter.statuses().isEmpty()) {
            where.append(" AND d.status IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(filter.statuses().size(), "?")))
                    .append(')');
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
        if (filter.after() != null) {
            where.append(" AND d.id > ?");
            arguments.add(filter.after());
        }
        return where.toString();
    }

    /** Route globs ({@code *} any run, {@code ?} one character, all else literal) as anchored regular expressions. */
    private static void glob(StringBuilder where, List<Object> arguments, String column, String glob) {
        if (glob == null || glob.isEmpty() || glob.equals("*")) {
            return;
        }
        StringBuilder regex = new StringBuilder("^");
        StringBuilder literal = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*' || ch == '?') {
                regex.append(quote(literal)).append(ch == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(ch);
            }
        }
        regex.append(quote(literal)).append('$');
        where.append(" AND ").append(column).append(" ~ ?");
        arguments.add(regex.toString());
    }

    /** Escapes every character PostgreSQL's regular expressions treat specially. */
    private static String quote(CharSequence literal) {
        return Pattern.compile("[\\\\.^$|?*+()\\[\\]{}]").matcher(literal).replaceAll("\\\\$0");
    }

    static void bind(PreparedStatement statement, List<Object> arguments) throws SQLException {
        for (int i = 0; i < arguments.size(); i++) {
            Object argument = arguments.get(i);
            if (argument instanceof String text) {
                statement.setString(i + 1, text);
            } else if (argument instanceof Number number) {
                statement.setLong(i + 1, number.longValue());
            } else {
                throw new IllegalArgumentException("unexpected argument type " + argument.getClass());
            }
        }
    }
}
