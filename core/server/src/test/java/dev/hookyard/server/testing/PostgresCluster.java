package dev.hookyard.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, from the machine's own installation (Debian's {@code postgresql} package): a
 * cluster made by {@code initdb} in a temporary directory, started by {@code pg_ctl} on a free loopback port with
 * its own unix-socket directory, and stopped and deleted when the JVM exits. PostgreSQL refuses to run as root, so
 * when the tests run as root (as CI does) every server command runs as the {@code postgres} user, who owns the
 * directory.
 *
 * <p>{@link #shared()} starts one cluster per test JVM, on first use; each test class takes a fresh database of its
 * own with {@link #createDatabase()}. A test that stops the server ({@link #stop()}, {@link #start()}) uses a
 * cluster of its own from {@link #startNew()}, so that it never pulls the server from under other tests.
 *
 * <p>JDK only (server commands and {@code psql} run as processes), so that the distribution's tests can use it
 * from this module's test jar without a JDBC driver on their class path. Without PostgreSQL it fails, never skips:
 * a test that silently did not run would pass for the wrong reason.
 */
public final class PostgresCluster implements AutoCloseable {

    /** The superuser {@code initdb} makes; connections over TCP authenticate with {@link #password()}. */
    public static final String SUPERUSER = "postgres";
    private static final String INSTALL_HINT = "install it with: apt-get install postgresql"
            + " (or set HOOKYARD_PG_BIN to the directory holding initdb and pg_ctl)";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster shared;

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final Path sockets;
    private final Path log;
    private final boolean asPostgresUser;
    private final String password;
    private int port;
    private boolean running;

    private PostgresCluster(Path bin, Path directory, boolean asPostgresUser, String password) {
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.sockets = directory.resolve("sockets");
        this.log = directory.resolve("server.log");
        this.asPostgresUser = asPostgresUser;
        this.password = password;
    }

    /** The cluster every test of this JVM shares, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = startNew();
        }
        return shared;
    }

    /** A cluster of the caller's own, started; {@link #close()} stops and deletes it (the JVM's exit does too). */
    public static PostgresCluster startNew() {
        Path bin = serverBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path directory = Files.createTempDirectory("hookyard-pg-");
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            PostgresCluster cluster = new PostgresCluster(bin, directory, root, HexFormat.of().formatHex(secret));
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "postgres-cluster-stop"));
            cluster.initialize();
            cluster.start();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("could not set up a PostgreSQL cluster: " + e.getMessage(), e);
        }
    }

    /**
     * The directory with {@code initdb} and {@code pg_ctl}: {@code HOOKYARD_PG_BIN} if set, else Debian's
     * {@code /usr/lib/postgresql/<newest version>/bin}, else wherever {@code initdb} is on the PATH.
     */
    static Path serverBinaries() {
        return serverBinaries(System::getenv, Path.of("/usr/lib/postgresql"));
    }

    /** As above, with the environment and Debian's directory given (tests of the harness itself). */
    static Path serverBinaries(Function<String, String> environment, Path debian) {
        String configured = environment.apply("HOOKYARD_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (!Files.isExecutable(bin.resolve("initdb"))) {
                throw new IllegalStateException("HOOKYARD_PG_BIN=" + configured + " has no initdb; " + INSTALL_HINT);
            }
            return bin;
        }
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions
                        .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/initdb"))
                                && Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String entry : Optional.ofNullable(environment.apply("PATH")).orElse("").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))
                    && Files.isExecutable(Path.of(entry, "pg_ctl"))) {
                try {
                    return Path.of(entry, "initdb").toRealPath().getParent();
                } catch (IOException e) {
                    return Path.of(entry);
                }
            }
        }
        throw new IllegalStateException("The PostgreSQL tests need a PostgreSQL server (initdb, pg_ctl), and none"
                + " was found under /usr/lib/postgresql/*/bin or on the PATH; " + INSTALL_HINT);
    }

    private void initialize() throws IOException {
        Path passwordFile = directory.resolve("superuser-password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        Files.createDirectories(sockets);
        if (asPostgresUser) {
            // The temporary directory is root's, mode 700: hand it over, so the server can create its files there.
            giveToPostgres(directory);
            giveToPostgres(passwordFile);
            giveToPostgres(sockets);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-sync"), "initdb");
        Files.delete(passwordFile);
    }

    /** Starts (or starts again, after {@link #stop()}) the server, on the same port when it had one. */
    public synchronized void start() {
        if (running) {
            return;
        }
        if (port == 0) {
            port = freePort();
        }
        // fsync off: the tests never cut the power, and a shared 2-core machine is slow enough already.
        String options = "-p " + port + " -k " + sockets + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c max_connections=200";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t", "60",
                "-o", options, "start"), "pg_ctl start");
        running = true;
    }

    /** Stops the server at once (connections are cut, as when its machine goes away); {@link #start()} restarts it. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-m", "immediate",
                "stop"), "pg_ctl stop");
        running = false;
    }

    /** The loopback TCP port the server listens on. */
    public int port() {
        return port;
    }

    /** The superuser's password (TCP connections use password authentication). */
    public String password() {
        return password;
    }

    /** A new, empty database; its name is unique in this JVM. */
    public Database createDatabase() {
        String name = "hookyard_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        psql("postgres", "CREATE DATABASE " + name);
        return new Database(name, "jdbc:postgresql://127.0.0.1:" + port + "/" + name, SUPERUSER, password);
    }

    /** Runs SQL in {@code database} as the superuser, over the unix socket; its output, unaligned. */
    public String psql(String database, String sql) {
        return run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
                sockets.toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", database, "-c", sql), "psql");
    }

    /**
     * A database of the cluster.
     *
     * @param name     its name
     * @param url      its JDBC URL, over TCP on the loopback
     * @param user     a user that may do anything in it
     * @param password that user's password
     */
    public record Database(String name, String url, String user, String password) {
    }

    /** Stops the server and deletes its directory. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // deleting the directory is still worth trying: the server may be gone already
        }
        deleteRecursively(directory);
    }

    private String run(List<String> command, String what) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        // pg_ctl's child must not hold the JVM's pipes open (the test would hang reading them): its output goes to
        // the server log, and ours to a file read back once the command ends.
        Path output = null;
        try {
            output = Files.createTempFile("hookyard-pg-cmd-", ".out");
            builder.redirectOutput(output.toFile());
            // A working directory the postgres user may enter (the JVM's may be root's home).
            builder.directory(directory.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within 120 s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): " + text
                        + serverLogTail());
            }
            return text.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + what + " (" + String.join(" ", full) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + what, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private String serverLogTail() {
        try {
            if (!Files.isReadable(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void giveToPostgres(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(SUPERUSER));
        GroupPrincipal group = users.lookupPrincipalByGroupName(SUPERUSER);
        view.setGroup(group);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file the server still wrote as it went down; the temp directory is cleaned eventually
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
