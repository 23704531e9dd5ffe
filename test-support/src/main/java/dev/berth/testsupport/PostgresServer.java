package dev.berth.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded PostgreSQL of a local platform (the zonky binaries from Maven Central)
 * until the process is stopped, keeping its data between runs. Every login needs a password
 * (SCRAM-SHA-256, loopback only): the superuser's is {@code db-postgres} under the secrets
 * directory, and each service gets a role {@code berth_<service>} with {@code db-<service>} that
 * owns its schema and nothing else.
 *
 * <pre>java -cp … dev.berth.testsupport.PostgresServer DIR PORT DATABASE SECRETS_DIR SERVICE...</pre>
 */
public final class PostgresServer {

    private static final String SCRAM_MARKER = "berth-scram";

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: PostgresServer DIR PORT DATABASE SECRETS_DIR SERVICE...");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String database = identifier(args[2]);
        Path secrets = Path.of(args[3]);
        List<String> services = Arrays.stream(args, 4, args.length).map(PostgresServer::identifier).toList();
        String superuserPassword = PlatformSecrets.read(secrets, "db-postgres");
        Files.createDirectories(dir.resolve("binaries"));
        Path hba = writeHbaFile(dir);
        if (Files.exists(dir.resolve("data/PG_VERSION")) && !Files.exists(dir.resolve(SCRAM_MARKER))) {
            setSuperuserPasswordOfOldInstall(dir, port, superuserPassword);
        }

        Path passwordFile = writePasswordFile(dir, superuserPassword);
        EmbeddedPostgres postgres;
        try {
            postgres = builder(dir, port)
                    // initdb (first start only): the superuser gets its password and SCRAM from the start
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", superuserPassword)
                    .start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        Files.writeString(dir.resolve(SCRAM_MARKER), "passwords required since this file exists\n");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            createDatabaseIfMissing(c, database);
        }
        try (Connection c = postgres.getDatabase("postgres", database).getConnection()) {
            for (String service : services) {
                ensureServiceRole(c, database, service, PlatformSecrets.read(secrets, "db-" + service));
            }
        }
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", database " + database
                + ", roles " + services.stream().map(s -> "berth_" + s).toList());
        stopped.await();
    }

    private static EmbeddedPostgres.Builder builder(Path dir, int port) {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300");
    }

    /** Password logins only, on loopback and the local socket; nothing else may connect. */
    private static Path writeHbaFile(Path dir) throws IOException {
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                # written by Berth's PostgresServer: every login needs its password
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """, StandardCharsets.UTF_8);
        return hba;
    }

    private static Path writePasswordFile(Path dir, String password) throws IOException {
        Path file = dir.resolve("superuser-password.tmp");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    /** A data directory made before passwords were required (trust): give the superuser its password once. */
    private static void setSuperuserPasswordOfOldInstall(Path dir, int port, String password) throws Exception {
        System.out.println("PostgreSQL: this data directory allowed logins without a password; setting the superuser's");
        try (EmbeddedPostgres trusting = builder(dir, port).start();
             Connection c = trusting.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD " + literal(password));
        }
    }

    private static void createDatabaseIfMissing(Connection c, String database) throws SQLException {
        try (var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE " + database);
            }
        }
    }

    /**
     * The service's own role owning its schema (and whatever an older install created in it as
     * the superuser). Identifiers cannot be bound as parameters; they are checked by {@link #identifier}.
     */
    private static void ensureServiceRole(Connection c, String database, String service, String password) throws SQLException {
        String role = "berth_" + service;
        try (Statement s = c.createStatement(); var exists = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, role);
            boolean present = exists.executeQuery().next();
            s.execute((present ? "ALTER ROLE " : "CREATE ROLE ") + role
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD " + literal(password));
            s.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + role);
            s.execute("CREATE SCHEMA IF NOT EXISTS " + service + " AUTHORIZATION " + role);
            s.execute("ALTER SCHEMA " + service + " OWNER TO " + role);
            s.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                      FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = '%1$s' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
                                 AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = '%2$s')
                                 -- sequences of serial and identity columns follow their table (partitions,
                                 -- which depend on their parent the same way, do not: each is its own table)
                                 AND (c.relkind <> 'S' OR NOT EXISTS (SELECT 1 FROM pg_depend d
                                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
                      LOOP
                        EXECUTE format('ALTER TABLE %%I.%%I OWNER TO %%I', '%1$s', r.relname, '%2$s');
                      END LOOP;
                    END $$""".formatted(service, role));
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("name must match [a-z_][a-z0-9_]*: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
