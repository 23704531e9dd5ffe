package dev.berth.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded PostgreSQL of a local platform (the zonky binaries from Maven Central)
 * until the process is stopped, keeping its data between runs.
 *
 * <pre>java -cp … dev.berth.testsupport.PostgresServer DIR PORT DATABASE</pre>
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: PostgresServer DIR PORT DATABASE");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String database = args[2];
        Files.createDirectories(dir.resolve("binaries"));

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        createDatabaseIfMissing(postgres, database);
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", database " + database);
        stopped.await();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                // identifiers cannot be bound as parameters; the name is checked before use
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("database name must match [a-z_][a-z0-9_]*: " + database);
                }
                c.createStatement().execute("CREATE DATABASE " + database);
            }
        }
    }
}
