package dev.hookyard.server.http;

import dev.hookyard.server.http.RejectionCounters.Reason;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The deadline for a request line and its headers ({@code server.limits.headerTimeout}): counted from when the
 * connection opens for its first request, and from the first byte of each later request on a kept-alive connection.
 * A request whose headers are not all there by then is answered 408 and its connection closed; a connection that
 * sent nothing at all is closed without a word. Jetty's idle timeout alone cannot do this: it restarts with every
 * byte, so a sender dripping a byte now and then holds a connection (and its buffer) for as long as it likes, and
 * Jetty's {@code DoSHandler} only sees requests whose headers are complete.
 *
 * <p>Connections are tracked as a {@link Connection.Listener} of the HTTP connection factory; the headers of a
 * request are known to be complete when Jetty {@linkplain HttpConfiguration.Customizer customizes} it, and the
 * deadline is off until the request completes. Deadlines are checked on Jetty's scheduler every tenth of the timeout
 * (at most every second), which is how late past its deadline a connection may be closed; a later request is seen to
 * begin by its connection's byte count at the first check after its first byte.
 */
final class HeaderDeadlines extends AbstractLifeCycle implements Connection.Listener, HttpConfiguration.Customizer {

    /** How long the 408 may take to leave before the connection is closed anyway (a peer that does not read). */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(1);
    private static final byte[] REQUEST_TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
            + "Content-Length: 16\r\n\r\nrequest timeout\n").getBytes(StandardCharsets.US_ASCII);

    private final long timeoutNanos;
    private final long checkEveryNanos;
    private final Scheduler scheduler;
    private final RejectionCounters rejections;
    private final Map<Connection, HeaderWatch> watches = new ConcurrentHashMap<>();
    private volatile Scheduler.Task nextCheck;

    HeaderDeadlines(Duration timeout, Scheduler scheduler, RejectionCounters rejections) {
        this.timeoutNanos = timeout.toNanos();
        this.checkEveryNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10),
                Math.min(TimeUnit.SECONDS.toNanos(1), timeoutNanos / 10));
        this.scheduler = scheduler;
        this.rejections = rejections;
    }

    @Override
    protected void doStart() {
        scheduleCheck();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = nextCheck;
        if (task != null) {
            task.cancel();
        }
        watches.clear();
    }

    @Override
    public void onOpened(Connection connection) {
        watches.put(connection, new HeaderWatch(System.nanoTime()));
    }

    @Override
    public void onClosed(Connection connection) {
        watches.remove(connection);
    }

    /** Called by Jetty once a request's headers are all in: its deadline is met; it starts again once it completes. */
    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        Connection connection = request.getConnectionMetaData().getConnection();
        HeaderWatch watch = watches.get(connection);
        if (watch == null) {
            return request;
        }
        if (!watch.headersReceived()) {
            // The deadline passed just before the headers completed: the 408 is on its way; no second answer.
            connection.getEndPoint().close();
            return request;
        }
        Request.addCompletionListener(request, failure -> watch.requestCompleted(connection.getBytesIn()));
        return request;
    }

    private void scheduleCheck() {
        if (isRunning() || isStarting()) {
            nextCheck = scheduler.schedule(this::check, checkEveryNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        try {
            long now = System.nanoTime();
            watches.forEach((connection, watch) -> {
                long bytesIn = connection.getBytesIn();
                if (watch.expired(now, timeoutNanos, bytesIn)) {
                    expire(connection, watch.spoke(bytesIn));
                }
            });
        } finally {
            scheduleCheck();
        }
    }

    private void expire(Connection connection, boolean spoke) {
        EndPoint endPoint = connection.getEndPoint();
        String client = endPoint.getRemoteSocketAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : "unknown";
        rejections.record(Reason.HEADER_TIMEOUT, (spoke ? "status=408" : "status=none") + " client=" + client
                + " timeout=" + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + "ms");
        if (!spoke) {
            endPoint.close();
            return;
        }
        endPoint.write(Callback.from(endPoint::close, endPoint::close), ByteBuffer.wrap(REQUEST_TIMEOUT));
        scheduler.schedule(endPoint::close, ANSWER_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
