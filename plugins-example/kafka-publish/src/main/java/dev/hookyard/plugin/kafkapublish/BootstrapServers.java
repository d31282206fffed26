package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.InvalidOptionException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The brokers the producer first connects to, each {@code host:port} (an IPv6 address in brackets), checked when the
 * handler is built so that a typo names the option rather than failing inside the Kafka client.
 *
 * @param addresses the {@code host:port} entries, in configuration order
 */
record BootstrapServers(List<String> addresses) {

    /** A host name or IPv4 address, or a bracketed IPv6 address, then a port. */
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.%\\w]+]|[A-Za-z0-9._-]+):([0-9]{1,5})");

    BootstrapServers {
        addresses = List.copyOf(addresses);
    }

    /**
     * Reads the option: a list of addresses, or one string of comma-separated addresses as Kafka writes them.
     *
     * @throws InvalidOptionException naming {@code key} if there is none or one is not {@code host:port}
     */
    static BootstrapServers parse(String key, List<String> values) {
        List<String> addresses = new ArrayList<>();
        for (String value : values) {
            Arrays.stream(value.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                    .forEach(entry -> addresses.add(checked(key, entry)));
        }
        if (addresses.isEmpty()) {
            throw new InvalidOptionException(key, "is required", "add " + key + ": [broker1.example.com:9092]");
        }
        return new BootstrapServers(addresses);
    }

    private static String checked(String key, String address) {
        Matcher matcher = ADDRESS.matcher(address);
        if (!matcher.matches()) {
            throw new InvalidOptionException(key, "has an entry that is not host:port",
                    "write each broker as host:port, e.g. broker1.example.com:9092 or [::1]:9092");
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65535) {
            throw new InvalidOptionException(key, "has a port outside 1-65535", "fix the port of each broker");
        }
        return address;
    }

    /** The value of Kafka's {@code bootstrap.servers}. */
    String joined() {
        return String.join(",", addresses);
    }
}
