package dev.hookyard.server.net;

import java.net.InetAddress;
import java.util.List;

/**
 * The addresses allowed to call an endpoint. An empty list allows everyone (the default: webhook senders are
 * authenticated by their signatures); a non-empty one allows only addresses inside one of its blocks.
 */
public final class IpAllowlist {

    private static final IpAllowlist EVERYONE = new IpAllowlist(List.of());

    private final List<Cidr> blocks;

    private IpAllowlist(List<Cidr> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static IpAllowlist of(List<Cidr> blocks) {
        return blocks.isEmpty() ? EVERYONE : new IpAllowlist(blocks);
    }

    public static IpAllowlist everyone() {
        return EVERYONE;
    }

    public boolean allowsEveryone() {
        return blocks.isEmpty();
    }

    /** Whether {@code address} may call; an unknown address ({@code null}) only where everyone may. */
    public boolean allows(InetAddress address) {
        if (blocks.isEmpty()) {
            return true;
        }
        if (address == null) {
            return false;
        }
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public List<Cidr> blocks() {
        return blocks;
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "everyone" : blocks.toString();
    }
}
