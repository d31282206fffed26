package dev.hookyard.server.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * What per-client limits count by: an IPv4 address, or the /64 network of an IPv6 address, since one host usually
 * holds a whole /64 and could otherwise take a new address for every request or connection. Every address that
 * cannot be known shares one key.
 */
public final class ClientNetwork {

    private static final ClientNetwork UNKNOWN = new ClientNetwork(new byte[0]);

    private final byte[] bytes;

    private ClientNetwork(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The key of {@code address} (an IPv4-mapped IPv6 address counts as its IPv4 address), or of "unknown". */
    public static ClientNetwork of(InetAddress address) {
        if (address == null) {
            return UNKNOWN;
        }
        InetAddress normalized = Cidr.normalize(address);
        byte[] raw = normalized.getAddress();
        return new ClientNetwork(normalized instanceof Inet6Address ? Arrays.copyOf(raw, 8) : raw);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientNetwork n && Arrays.equals(n.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
