package dev.hookyard.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test harness itself: a real server, a database per caller, a server that stops and starts again. */
class PostgresClusterTest {

    @Test
    void databasesAreSeparateAndServedByTheSharedCluster() {
        PostgresCluster cluster = PostgresCluster.shared();
        PostgresCluster.Database first = cluster.createDatabase();
        PostgresCluster.Database second = cluster.createDatabase();
        assertNotEquals(first.name(), second.name());

        cluster.psql(first.name(), "CREATE TABLE t (v int); INSERT INTO t VALUES (42)");
        assertEquals("42", cluster.psql(first.name(), "SELECT v FROM t"));
        assertThrows(IllegalStateException.class, () -> cluster.psql(second.name(), "SELECT v FROM t"));
    }

    @Test
    void asRootTheServerRunsAsThePostgresUser() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        Path data = Path.of(cluster.psql("postgres", "SHOW data_directory"));
        String expected = "root".equals(System.getProperty("user.name"))
                ? PostgresCluster.SUPERUSER : System.getProperty("user.name");
        assertEquals(expected, Files.getOwner(data).getName());
    }

    @Test
    void withoutPostgresqlItFailsSayingHowToInstallIt(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresCluster.serverBinaries(name -> name.equals("PATH") ? empty.toString() : null, empty));
        assertTrue(e.getMessage().contains("apt-get install postgresql"), e.getMessage());
    }

    @Test
    void aClusterOfItsOwnStopsAndStartsAgainOnTheSamePort() {
        try (PostgresCluster own = PostgresCluster.startNew()) {
            PostgresCluster.Database db = own.createDatabase();
            int port = own.port();
            own.stop();
            assertThrows(IllegalStateException.class, () -> own.psql(db.name(), "SELECT 1"));
            own.start();
            assertEquals(port, own.port());
            assertEquals("1", own.psql(db.name(), "SELECT 1"));
        }
    }
}
