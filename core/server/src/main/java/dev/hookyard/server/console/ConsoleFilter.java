package dev.hookyard.server.console;

import dev.hookyard.server.inspect.FilterArguments;
import dev.hookyard.server.store.DeliveryFilter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.Fields;

/**
 * The deliveries list's filter as it lives in the URL (so a filtered list is a link to share) and in the bulk
 * replay form: the parameters as typed, read by the same {@link FilterArguments} as the API's. Empty values are
 * "any".
 */
record ConsoleFilter(Map<String, String> values) {

    /** The filter parameters, in the order the form shows them. */
    static final List<String> NAMES = List.of("endpoint", "vendor", "type", "status", "handler", "handlerStatus",
            "since", "until", "key");
    private static final int MAX_LENGTH = 512;

    ConsoleFilter {
        values = Map.copyOf(values);
    }

    /** The filter parameters among {@code fields} (a query or a form); blank ones left out, long ones cut. */
    static ConsoleFilter of(Fields fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = fields.getValue(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value.strip());
            }
        }
        return new ConsoleFilter(values);
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The store's filter, newest first.
     *
     * @throws dev.hookyard.server.inspect.BadArgumentException naming the parameter that is wrong
     */
    DeliveryFilter toFilter(Instant now) {
        return new FilterArguments(now)
                .endpoint("endpoint", values.get("endpoint"))
                .vendor("vendor", values.get("vendor"))
                .type("type", values.get("type"))
                .status("status", values.get("status"))
                .handler("handler", values.get("handler"))
                .handlerStatus("handlerStatus", values.get("handlerStatus"))
                .since("since", values.get("since"))
                .until("until", values.get("until"))
                .deliveryKey("key", values.get("key"))
                .filter()
                .withNewestFirst(true);
    }

    /** The parameters as a query string, without {@code ?}; empty when there are none. */
    String query() {
        return NAMES.stream().filter(values::containsKey)
                .map(name -> name + "=" + Html.query(values.get(name)))
                .collect(Collectors.joining("&"));
    }

    /** The parameters as hidden form fields. */
    String hiddenFields() {
        return NAMES.stream().filter(values::containsKey)
                .map(name -> "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.text(values.get(name))
                        + "\">")
                .collect(Collectors.joining());
    }
}
