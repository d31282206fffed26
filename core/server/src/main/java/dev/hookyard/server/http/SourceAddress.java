package dev.hookyard.server.http;

import dev.hookyard.server.net.Cidr;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * Which address a request comes from, for allow lists and rate limits.
 *
 * <p>The client is the TCP peer, unless the peer is one of {@code server.trustedProxies}. Then
 * {@code X-Forwarded-For} is read from right to left (every instance of the header, in order, comma-separated
 * entries): entries that are trusted proxies are skipped, since each proxy appends the address it received the
 * request from; the first entry that is not a trusted proxy is the client. Entries to its left were written by
 * that client or by proxies nobody vouches for, so they are never believed. If every entry is a trusted proxy,
 * the left-most one is the client; if an entry that would have to be read is not an IP address, the client is
 * unknown (and matches no allow list). {@code X-Forwarded-For} from a peer that is not a trusted proxy is ignored.
 */
public final class SourceAddress {

    /** Entries read at most: a chain of proxies is short, a header can be long. */
    private static final int MAX_HOPS = 32;

    private final List<Cidr> trustedProxies;

    public SourceAddress(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** The client address of {@code request}, or null if it cannot be known. */
    public InetAddress of(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        InetAddress peer = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
        if (peer == null || trustedProxies.isEmpty()) {
            return peer == null ? null : Cidr.normalize(peer);
        }
        List<String> forwarded = new ArrayList<>();
        for (HttpField field : request.getHeaders()) {
            if ("X-Forwarded-For".equalsIgnoreCase(field.getName())) {
                forwarded.add(field.getValue());
            }
        }
        return resolve(peer, forwarded);
    }

    /** The client, given the TCP peer and the {@code X-Forwarded-For} header values in order. */
    InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        InetAddress client = Cidr.normalize(peer);
        if (!isTrustedProxy(client)) {
            return client;
        }
        List<String> entries = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        int hops = 0;
        for (int i = entries.size() - 1; i >= 0 && hops < MAX_HOPS; i--, hops++) {
            Optional<InetAddress> address = parse(entries.get(i));
            if (address.isEmpty()) {
                return null;
            }
            client = Cidr.normalize(address.get());
            if (!isTrustedProxy(client)) {
                return client;
            }
        }
        return hops >= MAX_HOPS && hops < entries.size() ? null : client;
    }

    /** Whether {@code address} is one of {@code server.trustedProxies}: a peer that carries many clients. */
    public boolean isTrustedProxy(InetAddress address) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An entry: an address, {@code a.b.c.d:port} or {@code [v6]:port}. */
    private static Optional<InetAddress> parse(String entry) {
        String text = entry;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            text = text.substring(1, close);
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':'));
        }
        return Cidr.address(text);
    }
}
