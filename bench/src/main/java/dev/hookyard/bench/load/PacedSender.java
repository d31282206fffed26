package dev.hookyard.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Open-loop load at a fixed rate: fresh, distinct, correctly signed LEAST Collection API deliveries (the body shape
 * of {@code /work/shared/bench/gen_payloads.py}, ~700 bytes, {@code X-LEAST-Signature: sha256=<lowercase hex
 * HMAC-SHA256 of the raw body>}), sent over a fixed number of persistent HTTP/1.1 connections (plain sockets, one
 * request in flight per connection, no pipelining). For the soak run ({@code bench/soak.sh}); no dependencies.
 *
 * <pre>
 *   java -cp bench/target/classes dev.hookyard.bench.load.PacedSender --url http://127.0.0.1:8080/hooks/least \
 *       --secret bench-secret --rate 4000 --seconds 600 --connections 64 [--report-every 10]
 *       [--warmup-seconds 0] [--max-lag-ms 1000] [--late-ms 5] [--size 700] [--jitter 60] [--seed N]
 *       [--first-id 100000] [--timeout-ms 30000]
 * </pre>
 *
 * <p>Pacing is by schedule, not by the answers: request {@code k} (0-based) is due at {@code start + k / rate}, and
 * whichever connection is free takes the next request and sends it at its due time. A request that could not be
 * sent within {@code --late-ms} of its due time (every connection still waiting for an answer, or the sender
 * descheduled) counts as <em>late</em>; one that would go out more than {@code --max-lag-ms} behind schedule is
 * <em>skipped</em> (never sent, counted), so after a stall the sender never fires off its whole backlog at once:
 * it catches up by at most that much. Latency is from writing the request to reading the end of its answer.
 *
 * <p>Every {@code --report-every} seconds one line (space-separated {@code key=value}) for that interval: elapsed
 * time, requests sent, 2xx, non-2xx (by status), connect and read errors, the achieved send rate, late and skipped
 * requests, the largest lag behind schedule, latency p50 / p99 / max. At the end one {@code total} line for the
 * whole run. With {@code --warmup-seconds W} the same schedule runs for W seconds first, on the same connections
 * (so that the server's and the sender's JIT have warmed up), reported on lines prefixed {@code warmup }; the header line of each
 * phase ({@code # ...}) gives its start as {@code start_epoch_ms}. Exit code 0 if every request got a 2xx, 1 if any
 * got another status or failed, 2 for bad arguments.
 *
 * <p>Each body is distinct: {@code record_id} is {@code --first-id + k}, and the other fields are drawn from a
 * random generator seeded by {@code --seed} (default: random, printed) and {@code k}, so runs with different seeds
 * practically never repeat a body (Hookyard's LEAST delivery key is the body's SHA-256).
 */
public final class PacedSender {

    private static final String[] FIRST = {"Zoë", "Lukas", "Amélie", "Jonas", "Sofia", "Mateo", "Ingrid", "Kenji",
        "Aoife", "Björn", "Chloé", "Diego", "Fatima", "Grace", "Håkon", "Irene"};
    private static final String[] LAST = {"Müller", "Dubois", "García", "Nowak", "Rossi", "Jensen", "O'Brien",
        "Novák", "Silva", "Tanaka", "Schäfer", "Larsen", "Moreau", "Kowalski"};
    private static final String[] TITLES = {"Onboarding checklist", "Equipment request", "Safety incident report",
        "Course feedback", "Access request", "Travel expense claim", "Maintenance ticket", "Policy acknowledgement",
        "Training nomination", "Customer complaint"};
    private static final String[] CATEGORIES = {"HR", "IT", "Facilities", "Compliance", "Learning", "Finance"};
    private static final String[] STATUSES = {"open", "pending", "in_review"};
    private static final int[] COLLECTIONS = {5, 12, 31, 44};
    private static final String[] TAGS = {"new", "web", "mobile", "priority", "q1", "audit", "onboarding",
        "external"};
    private static final String[] WORDS = ("the a to of and for with on in by from review please attached form "
            + "request approved update status team manager deadline department location building floor room laptop "
            + "badge access training module completed pending urgent note details follow-up schedule Monday Friday "
            + "quarter report budget priority ticket contact phone email site visit invoice reference order")
            .split(" ");
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final URI url;
    private final String host;
    private final int port;
    private final byte[] requestHead;
    private final byte[] secret;
    private final double rate;
    private final double seconds;
    private final double warmupSeconds;
    private final int connections;
    private final long reportEveryNanos;
    private final long maxLagNanos;
    private final long lateNanos;
    private final int size;
    private final int jitter;
    private final long seed;
    private final long firstId;
    private final int timeoutMillis;

    /** One persistent connection per worker slot, kept from the warm-up into the measured load (null: reconnect). */
    private final Connection[] pool;
    /** First error message of each kind, for the end report. */
    private final Map<String, String> firstErrors = new HashMap<>();

    private PacedSender(Map<String, String> o) {
        url = URI.create(required(o, "url"));
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("--url must be http://HOST[:PORT]/PATH, got " + url);
        }
        host = url.getHost();
        port = url.getPort() < 0 ? 80 : url.getPort();
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        requestHead = ("POST " + path + " HTTP/1.1\r\nHost: " + host + (url.getPort() < 0 ? "" : ":" + port)
                + "\r\nContent-Type: application/json\r\nX-LEAST-Signature: sha256=")
                .getBytes(StandardCharsets.US_ASCII);
        secret = required(o, "secret").getBytes(StandardCharsets.UTF_8);
        rate = Double.parseDouble(required(o, "rate"));
        seconds = Double.parseDouble(required(o, "seconds"));
        warmupSeconds = Double.parseDouble(o.getOrDefault("warmup-seconds", "0"));
        connections = Integer.parseInt(o.getOrDefault("connections", "64"));
        reportEveryNanos = (long) (Double.parseDouble(o.getOrDefault("report-every", "10")) * 1e9);
        maxLagNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(o.getOrDefault("max-lag-ms", "1000")));
        lateNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(o.getOrDefault("late-ms", "5")));
        size = Integer.parseInt(o.getOrDefault("size", "700"));
        jitter = Integer.parseInt(o.getOrDefault("jitter", "60"));
        seed = o.containsKey("seed") ? Long.parseLong(o.get("seed")) : new SplittableRandom().nextLong();
        firstId = Long.parseLong(o.getOrDefault("first-id", "100000"));
        timeoutMillis = Integer.parseInt(o.getOrDefault("timeout-ms", "30000"));
        if (rate <= 0 || seconds <= 0 || warmupSeconds < 0 || connections <= 0 || reportEveryNanos <= 0 || jitter < 0
                || size <= jitter) {
            throw new IllegalArgumentException("--rate, --seconds, --connections, --report-every must be > 0,"
                    + " --warmup-seconds >= 0 and --size > --jitter >= 0");
        }
        pool = new Connection[connections];
    }

    public static void main(String[] args) throws Exception {
        PacedSender sender;
        try {
            sender = new PacedSender(options(args));
        } catch (IllegalArgumentException e) {
            System.err.println("PacedSender: " + e.getMessage());
            System.err.println("usage: PacedSender --url URL --secret S --rate N --seconds T [--connections 64]"
                    + " [--report-every 10] [--warmup-seconds 0] [--max-lag-ms 1000] [--late-ms 5] [--size 700]"
                    + " [--jitter 60] [--seed N] [--first-id 100000] [--timeout-ms 30000]");
            System.exit(2);
            return;
        }
        System.exit(sender.run());
    }

    private int run() throws InterruptedException {
        for (int i = 0; i < connections; i++) {
            try {
                pool[i] = connect();
            } catch (IOException e) {
                error("connect", e); // retried, and counted, when the slot's first request is due
            }
        }
        boolean ok = true;
        long tickets = 0;
        if (warmupSeconds > 0) {
            Phase warmup = new Phase("warmup ", (long) Math.floor(rate * warmupSeconds), tickets);
            tickets += warmup.total;
            ok = warmup.run();
        }
        Phase load = new Phase("", (long) Math.floor(rate * seconds), tickets);
        ok &= load.run();
        for (Connection c : pool) {
            if (c != null) {
                c.close();
            }
        }
        return ok ? 0 : 1;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void sleepUntil(long deadline) {
        for (long d; (d = deadline - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(d);
        }
    }

    /**
     * One schedule: the warm-up (lines prefixed "warmup ", not part of the figures) or the measured load. Requests
     * {@code 0 .. total-1} of a phase are records {@code firstTicket + k}, so no two phases send the same body.
     */
    private final class Phase {
        private final String prefix;
        private final long total;
        private final long firstTicket;
        /** Start of the schedule (System.nanoTime), set before the workers are let go. */
        private volatile long start;
        private final AtomicLong next = new AtomicLong();

        private final LongAdder sent = new LongAdder();
        private final LongAdder ok = new LongAdder();
        private final AtomicLongArray byStatus = new AtomicLongArray(600);
        private final LongAdder connectErrors = new LongAdder();
        private final LongAdder readErrors = new LongAdder();
        private final LongAdder late = new LongAdder();
        private final AtomicLong skipped = new AtomicLong();
        private final LongAdder bodyBytes = new LongAdder();
        private final AtomicLong intervalMaxLag = new AtomicLong();
        private final AtomicLong maxLag = new AtomicLong();
        private final AtomicReference<Histogram> intervalLatency = new AtomicReference<>(new Histogram());
        private final Histogram latency = new Histogram();

        Phase(String prefix, long total, long firstTicket) {
            this.prefix = prefix;
            this.total = total;
            this.firstTicket = firstTicket;
        }

        /** Runs the schedule with its interval lines and end line; true if every request got a 2xx. */
        boolean run() throws InterruptedException {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int slot = i;
                Thread t = new Thread(() -> work(slot, go), "sender-" + i);
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
            start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            long startEpochMillis = System.currentTimeMillis() + 20;
            System.out.printf(Locale.ROOT, "# %sPacedSender url=%s rate=%s/s requests=%d seconds=%.1f connections=%d"
                            + " report_every=%.0fs max_lag_ms=%d late_ms=%d size=%d+-%d seed=%d first_id=%d"
                            + " start_epoch_ms=%d%n", prefix, url, fmt(rate), total, total / rate, connections,
                    reportEveryNanos / 1e9, maxLagNanos / 1_000_000, lateNanos / 1_000_000, size, jitter, seed,
                    firstId + firstTicket, startEpochMillis);
            System.out.flush();
            go.countDown();

            long lastAt = start;
            long lastSent = 0;
            long lastOk = 0;
            long lastLate = 0;
            long lastSkipped = 0;
            long lastConnect = 0;
            long lastRead = 0;
            long[] lastByStatus = new long[600];
            long end = start + (long) Math.ceil(total / rate * 1e9);
            for (int n = 1; ; n++) {
                long at = start + n * reportEveryNanos;
                boolean last = at >= end;
                if (last) {
                    // The final line covers everything: wait for the answers still outstanding.
                    sleepUntil(end);
                    for (Thread t : workers) {
                        t.join(Math.max(1, timeoutMillis + 5000L));
                    }
                    at = System.nanoTime();
                } else {
                    sleepUntil(at);
                }
                Histogram h = intervalLatency.getAndSet(new Histogram());
                long s = sent.sum();
                long k = ok.sum();
                long l = late.sum();
                long sk = skipped.get();
                long ce = connectErrors.sum();
                long re = readErrors.sum();
                StringBuilder non2xx = new StringBuilder();
                long non2xxCount = 0;
                for (int code = 0; code < 600; code++) {
                    long c = byStatus.get(code);
                    if ((code < 200 || code > 299) && c != lastByStatus[code]) {
                        non2xx.append(non2xx.length() == 0 ? "" : ",").append(code).append(':')
                                .append(c - lastByStatus[code]);
                        non2xxCount += c - lastByStatus[code];
                    }
                    lastByStatus[code] = c;
                }
                double dt = (at - lastAt) / 1e9;
                System.out.printf(Locale.ROOT, "%st=%.1fs sent=%d 2xx=%d non2xx=%d%s connect_err=%d read_err=%d"
                                + " rate=%.1f/s late=%d skipped=%d max_lag=%.1fms p50=%.2fms p99=%.2fms max=%.2fms%n",
                        prefix, (at - start) / 1e9, s - lastSent, k - lastOk, non2xxCount,
                        non2xx.length() == 0 ? "" : "(" + non2xx + ")", ce - lastConnect, re - lastRead,
                        (s - lastSent) / dt, l - lastLate, sk - lastSkipped, intervalMaxLag.getAndSet(0) / 1e6,
                        h.quantile(0.50) / 1e3, h.quantile(0.99) / 1e3, h.max() / 1e3);
                System.out.flush();
                lastAt = at;
                lastSent = s;
                lastOk = k;
                lastLate = l;
                lastSkipped = sk;
                lastConnect = ce;
                lastRead = re;
                if (last) {
                    break;
                }
            }

            long s = sent.sum();
            long k = ok.sum();
            StringBuilder non2xx = new StringBuilder();
            long non2xxCount = 0;
            for (int code = 0; code < 600; code++) {
                long c = byStatus.get(code);
                if ((code < 200 || code > 299) && c > 0) {
                    non2xx.append(non2xx.length() == 0 ? "" : ",").append(code).append(':').append(c);
                    non2xxCount += c;
                }
            }
            long ce = connectErrors.sum();
            long re = readErrors.sum();
            double elapsed = (lastAt - start) / 1e9;
            synchronized (firstErrors) {
                firstErrors.forEach((kind, message) -> System.out.println("# first " + kind + " error: " + message));
                firstErrors.clear();
            }
            System.out.printf(Locale.ROOT, "%stotal t=%.1fs sent=%d 2xx=%d non2xx=%d%s connect_err=%d read_err=%d"
                            + " rate=%.1f/s target=%s/s late=%d skipped=%d max_lag=%.1fms p50=%.2fms p90=%.2fms"
                            + " p99=%.2fms p99.9=%.2fms max=%.2fms body_mean=%.0fB%n",
                    prefix, elapsed, s, k, non2xxCount, non2xx.length() == 0 ? "" : "(" + non2xx + ")", ce, re,
                    s / elapsed, fmt(rate), late.sum(), skipped.get(), maxLag.get() / 1e6,
                    latency.quantile(0.50) / 1e3, latency.quantile(0.90) / 1e3, latency.quantile(0.99) / 1e3,
                    latency.quantile(0.999) / 1e3, latency.max() / 1e3, s == 0 ? 0.0 : bodyBytes.sum() / (double) s);
            System.out.flush();
            return non2xxCount == 0 && ce == 0 && re == 0 && s + skipped.get() == total && k == s;
        }

        /** Due time of request {@code k}. */
        private long due(long k) {
            return start + (long) (k * 1e9 / rate);
        }

        /**
         * The next request to send, or -1 when the schedule is done. Requests already more than the allowed lag
         * behind schedule are skipped (and counted) instead of sent late.
         */
        private long claim() {
            for (;;) {
                long k = next.get();
                if (k >= total) {
                    return -1;
                }
                long behind = System.nanoTime() - maxLagNanos - start;
                long first = behind <= 0 ? 0 : (long) Math.ceil(behind * rate / 1e9);
                long take = Math.max(k, first);
                if (take >= total) {
                    if (next.compareAndSet(k, total)) {
                        skipped.addAndGet(total - k);
                        return -1;
                    }
                    continue;
                }
                if (next.compareAndSet(k, take + 1)) {
                    if (take > k) {
                        skipped.addAndGet(take - k);
                    }
                    return take;
                }
            }
        }

        private void work(int slot, CountDownLatch go) {
            Mac mac;
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            Connection conn = pool[slot];
            Request request = new Request();
            Response response = new Response();
            for (long k; (k = claim()) >= 0; ) {
                request.build(PacedSender.this, firstTicket + k, mac);
                long due = due(k);
                sleepUntil(due);
                long sentAt = System.nanoTime();
                long lag = sentAt - due;
                if (lag > lateNanos) {
                    late.increment();
                }
                intervalMaxLag.accumulateAndGet(lag, Math::max);
                maxLag.accumulateAndGet(lag, Math::max);
                sent.increment();
                bodyBytes.add(request.bodyLength);
                if (conn == null) {
                    try {
                        conn = connect();
                    } catch (IOException e) {
                        connectErrors.increment();
                        error("connect", e);
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // no busy loop while refused
                        continue;
                    }
                    sentAt = System.nanoTime();
                }
                try {
                    conn.out.write(request.buf, 0, request.length);
                    conn.read(response);
                } catch (IOException e) {
                    readErrors.increment();
                    error(e instanceof SocketTimeoutException ? "read (timeout)" : "read", e);
                    conn.close();
                    conn = null;
                    continue;
                }
                long micros = (System.nanoTime() - sentAt) / 1000;
                latency.record(micros);
                intervalLatency.get().record(micros);
                int status = response.status;
                byStatus.incrementAndGet(status >= 0 && status < 600 ? status : 0);
                if (status >= 200 && status <= 299) {
                    ok.increment();
                }
                if (response.close) {
                    conn.close();
                    conn = null;
                }
            }
            pool[slot] = conn; // read by the next phase's worker after Thread.join
        }
    }

    private void error(String kind, Exception e) {
        synchronized (firstErrors) {
            firstErrors.putIfAbsent(kind, e.toString());
        }
    }

    private Connection connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), 5000);
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One request's bytes, rebuilt in place for every request (a worker's own buffer). */
    private static final class Request {
        byte[] buf = new byte[4096];
        int length;
        int bodyLength;
        private final StringBuilder sb = new StringBuilder(1024);

        void build(PacedSender p, long k, Mac mac) {
            SplittableRandom rng = new SplittableRandom(p.seed ^ (k * 0x9E3779B97F4A7C15L));
            int target = p.size + rng.nextInt(-p.jitter, p.jitter + 1);
            long rid = p.firstId + k;
            String first = FIRST[rng.nextInt(FIRST.length)];
            String last = LAST[rng.nextInt(LAST.length)];
            int uid = rng.nextInt(1000, 100000);
            long ts = 1735689600L + k * 7 + rng.nextInt(7);
            long day = 1 + k % 28;
            long month = 1 + k % 12;
            // The body as gen_payloads.py writes it (json.dumps, ensure_ascii=False, no spaces); no value needs
            // escaping. Split around the description, which grows word by word to the target size.
            sb.setLength(0);
            sb.append("{\"event\":\"record.created\",\"record_id\":").append(rid)
                    .append(",\"data\":{\"intCollectionId\":").append(COLLECTIONS[rng.nextInt(COLLECTIONS.length)])
                    .append(",\"strD5_1_1\":\"").append(TITLES[rng.nextInt(TITLES.length)]).append(" #").append(rid)
                    .append("\",\"strD5_1_2\":\"");
            byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
            sb.setLength(0);
            sb.append("\",\"strD5_1_3\":\"").append(CATEGORIES[rng.nextInt(CATEGORIES.length)])
                    .append("\",\"intD5_1_4\":").append(rng.nextInt(1, 501))
                    .append(",\"dtD5_1_5\":\"2025-").append(month < 10 ? "0" : "").append(month)
                    .append('-').append(day < 10 ? "0" : "").append(day)
                    .append("\",\"strStatus\":\"").append(STATUSES[rng.nextInt(STATUSES.length)])
                    .append("\",\"intCreatedBy\":").append(uid)
                    .append(",\"strCreatedByName\":\"").append(first).append(' ').append(last)
                    .append("\",\"strCreatedByEmail\":\"");
            appendEmailPart(sb, first.toLowerCase(Locale.ROOT));
            sb.append('.');
            appendEmailPart(sb, last.toLowerCase(Locale.ROOT));
            sb.append(uid).append("@example.org\",\"dtCreated\":").append(ts).append(",\"arrTags\":[");
            int picked = 0;
            for (int i = 0; i < 3; i++) { // three distinct tags, like random.sample(TAGS, 3)
                int t;
                do {
                    t = rng.nextInt(TAGS.length);
                } while ((picked & (1 << t)) != 0);
                picked |= 1 << t;
                sb.append(i == 0 ? "\"" : ",\"").append(TAGS[t]).append('"');
            }
            sb.append("]}}");
            byte[] tail = sb.toString().getBytes(StandardCharsets.UTF_8);
            sb.setLength(0);
            while (head.length + sb.length() + tail.length < target) { // the words are ASCII: chars == bytes
                sb.append(sb.length() == 0 ? "" : " ").append(WORDS[rng.nextInt(WORDS.length)]);
            }
            bodyLength = head.length + sb.length() + tail.length;

            byte[] lengthDigits = Integer.toString(bodyLength).getBytes(StandardCharsets.US_ASCII);
            int need = p.requestHead.length + 64 + 20 + lengthDigits.length + 4 + bodyLength;
            if (buf.length < need) {
                buf = new byte[need * 2];
            }
            int pos = 0;
            System.arraycopy(p.requestHead, 0, buf, pos, p.requestHead.length);
            pos += p.requestHead.length;
            int signatureAt = pos;
            pos += 64;
            pos = ascii("\r\nContent-Length: ", pos);
            System.arraycopy(lengthDigits, 0, buf, pos, lengthDigits.length);
            pos += lengthDigits.length;
            pos = ascii("\r\n\r\n", pos);
            int bodyAt = pos;
            System.arraycopy(head, 0, buf, pos, head.length);
            pos += head.length;
            for (int i = 0; i < sb.length(); i++) {
                buf[pos++] = (byte) sb.charAt(i);
            }
            System.arraycopy(tail, 0, buf, pos, tail.length);
            pos += tail.length;
            length = pos;

            mac.update(buf, bodyAt, bodyLength);
            byte[] digest = mac.doFinal();
            for (int i = 0; i < digest.length; i++) {
                buf[signatureAt + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
                buf[signatureAt + 2 * i + 1] = HEX[digest[i] & 0xf];
            }
        }

        /** Like gen_payloads.py: the address keeps only ASCII characters and drops apostrophes. */
        private static void appendEmailPart(StringBuilder sb, String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 128 && c != '\'') {
                    sb.append(c);
                }
            }
        }

        private int ascii(String s, int pos) {
            for (int i = 0; i < s.length(); i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
            return pos;
        }
    }

    /** The parts of an answer the sender needs. */
    private static final class Response {
        int status;
        boolean close;
    }

    /** A persistent HTTP/1.1 connection with its own read buffer. */
    private static final class Connection {
        private final Socket socket;
        final OutputStream out;
        private final InputStream in;
        private final byte[] buf = new byte[8192];
        private int pos;
        private int lim;
        private final StringBuilder line = new StringBuilder(128);

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        /** Reads one whole answer: status line, headers, body (Content-Length, chunked, or up to EOF). */
        void read(Response r) throws IOException {
            String statusLine;
            do {
                statusLine = readLine();
                // 1xx interim answers (100 Continue) carry no body; the real answer follows.
                if (statusLine.length() >= 12 && statusLine.startsWith("HTTP/1.") && statusLine.charAt(9) == '1') {
                    while (!readLine().isEmpty()) {
                        // skip the interim answer's headers
                    }
                    statusLine = null;
                }
            } while (statusLine == null);
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            r.status = Integer.parseInt(statusLine.substring(9, 12));
            r.close = statusLine.startsWith("HTTP/1.0");
            long contentLength = -1;
            boolean chunked = false;
            for (String h; !(h = readLine()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    String v = value.toLowerCase(Locale.ROOT);
                    r.close = v.contains("close") || (r.close && !v.contains("keep-alive"));
                }
            }
            if (r.status == 204 || r.status == 304) {
                return;
            }
            if (chunked) {
                for (;;) {
                    String sizeLine = readLine();
                    int semi = sizeLine.indexOf(';');
                    long chunk = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                    if (chunk == 0) {
                        while (!readLine().isEmpty()) {
                            // trailers
                        }
                        return;
                    }
                    skip(chunk);
                    readLine();
                }
            } else if (contentLength >= 0) {
                skip(contentLength);
            } else {
                while (fill()) {
                    pos = lim;
                }
                r.close = true;
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                if (pos == lim && !fill()) {
                    throw new IOException("connection closed in the middle of an answer's body");
                }
                int k = (int) Math.min(n, lim - pos);
                pos += k;
                n -= k;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            for (;;) {
                if (pos == lim && !fill()) {
                    throw new IOException(line.length() == 0 && pos == 0
                            ? "connection closed before an answer" : "connection closed in the middle of an answer");
                }
                byte b = buf[pos++];
                if (b == '\n') {
                    int n = line.length();
                    if (n > 0 && line.charAt(n - 1) == '\r') {
                        line.setLength(n - 1);
                    }
                    return line.toString();
                }
                if (line.length() > 16384) {
                    throw new IOException("answer line longer than 16 KiB");
                }
                line.append((char) (b & 0xff));
            }
        }
    }

    /**
     * Latency histogram in microseconds, safe for concurrent recording: 32 sub-buckets per power of two (values
     * below 32 exact), so a quantile is within ~3 % of the true value.
     */
    private static final class Histogram {
        private static final int SUB = 5;
        private final AtomicLongArray counts = new AtomicLongArray(64 << SUB);
        private final AtomicLong max = new AtomicLong();

        void record(long micros) {
            long v = Math.max(0, micros);
            counts.incrementAndGet(index(v));
            max.accumulateAndGet(v, Math::max);
        }

        long max() {
            return max.get();
        }

        private static int index(long v) {
            if (v < (1 << SUB)) {
                return (int) v;
            }
            int exp = 63 - Long.numberOfLeadingZeros(v);
            return ((exp - SUB + 1) << SUB) + (int) (v >>> (exp - SUB)) - (1 << SUB);
        }

        /** Middle of bucket {@code i}. */
        private static double value(int i) {
            if (i < (1 << SUB)) {
                return i;
            }
            int block = i >>> SUB;
            long m = (i & ((1 << SUB) - 1)) + (1L << SUB);
            long low = m << (block - 1);
            long high = ((m + 1) << (block - 1)) - 1;
            return (low + high) / 2.0;
        }

        /** The q-quantile in microseconds (0 when empty), never above the largest value recorded. */
        double quantile(double q) {
            long n = 0;
            for (int i = 0; i < counts.length(); i++) {
                n += counts.get(i);
            }
            if (n == 0) {
                return 0;
            }
            long rank = Math.max(1, (long) Math.ceil(q * n));
            long seen = 0;
            for (int i = 0; i < counts.length(); i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return Math.min(value(i), max.get());
                }
            }
            return max.get();
        }
    }

    private static final List<String> OPTIONS = List.of("url", "secret", "rate", "seconds", "connections",
            "report-every", "warmup-seconds", "max-lag-ms", "late-ms", "size", "jitter", "seed", "first-id",
            "timeout-ms");

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            o.put(name, args[++i]);
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
