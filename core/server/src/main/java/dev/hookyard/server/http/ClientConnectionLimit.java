package dev.hookyard.server.http;

import dev.hookyard.server.http.RejectionCounters.Reason;
import dev.hookyard.server.net.ClientNetwork;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.SelectorManager;

/**
 * At most {@code server.limits.maxConnectionsPerClient} open connections from one client, counted by the
 * {@link ClientNetwork} of the TCP peer (IPv6 per /64). A connection beyond it is closed as soon as it is accepted,
 * before anything is read from it or a buffer or thread is spent on it, so one address that floods the listener with
 * idle or slow connections cannot take the slots of {@code maxConnections} that other clients need. Jetty's own
 * limits ({@code ConnectionLimit}, {@code NetworkConnectionLimit}) count all clients together, and its
 * {@code DoSHandler} limits the rate of requests once their headers are in, which a connection that never sends them
 * never reaches.
 *
 * <p>Connections from {@code server.trustedProxies} are not limited here: behind a proxy every client shares the
 * proxy's address, so the proxy (and {@code maxConnections}) must bound them.
 */
final class ClientConnectionLimit implements SelectorManager.AcceptListener {

    private final int max;
    private final SourceAddress sources;
    private final RejectionCounters rejections;
    private final Map<ClientNetwork, Integer> openPerClient = new ConcurrentHashMap<>();
    /** The connections counted, each with its client; refused ones and those of trusted proxies are not here. */
    private final Map<SelectableChannel, ClientNetwork> counted = new ConcurrentHashMap<>();

    ClientConnectionLimit(int max, SourceAddress sources, RejectionCounters rejections) {
        this.max = max;
        this.sources = sources;
        this.rejections = rejections;
    }

    @Override
    public void onAccepting(SelectableChannel channel) {
        InetAddress peer = peer(channel);
        if (peer == null || sources.isTrustedProxy(peer)) {
            // No peer: the channel is closed already, and Jetty will let it go.
            return;
        }
        ClientNetwork client = ClientNetwork.of(peer);
        boolean[] admitted = new boolean[1];
        openPerClient.compute(client, (key, open) -> {
            int count = open == null ? 0 : open;
            admitted[0] = count < max;
            return admitted[0] ? count + 1 : open;
        });
        if (admitted[0]) {
            counted.put(channel, client);
            return;
        }
        rejections.record(Reason.CLIENT_CONNECTION_LIMIT, "client=" + peer.getHostAddress()
                + " open connections reached maxConnectionsPerClient=" + max + "; new connection closed");
        try {
            // Jetty then fails to register the closed channel and reports the accept as failed: nothing leaks.
            channel.close();
        } catch (IOException e) {
            // closing a just-accepted socket: nothing to do if it fails
        }
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        release(channel);
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        release(channel);
    }

    private void release(SelectableChannel channel) {
        ClientNetwork client = counted.remove(channel);
        if (client != null) {
            openPerClient.computeIfPresent(client, (key, open) -> open > 1 ? open - 1 : null);
        }
    }

    private static InetAddress peer(SelectableChannel channel) {
        try {
            return channel instanceof SocketChannel socket
                    && socket.getRemoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
