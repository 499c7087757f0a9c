package kg.testserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j embedded with a Bolt connector on 127.0.0.1:PORT, auth off, for the test suite.
 *
 * <p>Usage: {@code Launcher PORT DATA_DIR READY_FILE}. The ready file is written once Bolt
 * accepts connections; SIGTERM (the shutdown hook) stops the database cleanly and removes it.
 * With {@code NEO4J_TEST_PASSWORD} set, auth is on and user {@code neo4j} has that password
 * (for tests of a wrong password). With {@code NEO4J_TEST_PLUGINS} set to a directory of jars,
 * the procedures in them are loaded (the Graph Data Science plugin, {@code gds.*} unrestricted).
 * {@code NEO4J_TEST_PAGECACHE} (e.g. {@code 512m}, {@code 2g}) sizes the page cache, by default
 * {@link #DEFAULT_PAGECACHE}: a graph larger than it is read from disk on every write.
 */
public final class Launcher {
    /** Holds the 100,000-paper benchmark graph (~1.4M relationships); allocated as it fills. */
    static final String DEFAULT_PAGECACHE = "1g";

    private Launcher() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: Launcher PORT DATA_DIR READY_FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Path ready = Path.of(args[2]).toAbsolutePath();
        Files.deleteIfExists(ready);
        String password = System.getenv("NEO4J_TEST_PASSWORD");
        boolean auth = password != null && !password.isEmpty();

        String pagecache = System.getenv("NEO4J_TEST_PAGECACHE");
        if (pagecache == null || pagecache.isEmpty()) {
            pagecache = DEFAULT_PAGECACHE;
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        // NEO4J_TEST_PLUGINS: a directory of plugin jars (server.sh sets it to the Graph Data
        // Science jars with NEO4J_TEST_GDS=1); they must be on the classpath too, for the
        // plugin's extensions, as the standalone server puts its plugins directory there.
        String plugins = System.getenv("NEO4J_TEST_PLUGINS");
        if (plugins != null && !plugins.isEmpty()) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(plugins).toAbsolutePath())
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"));
        }
        DatabaseManagementService dbms = builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Bolt's Netty loops otherwise wait out a 5 s quiet period twice on shutdown.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout,
                        Duration.ofSeconds(5))
                .build();
        // Waits until the default database is online, so Bolt can serve queries at once.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (auth) {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the pid check in server.sh still tells a dead server apart
            }
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        Files.writeString(ready, "bolt://127.0.0.1:" + port + "\n");
        System.err.println("Neo4j ready on bolt://127.0.0.1:" + port);
        stopped.await();
    }
}
