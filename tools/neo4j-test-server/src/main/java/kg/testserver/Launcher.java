package kg.testserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

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
 */
public final class Launcher {
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

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .build();
        // Waits until the default database is online, so Bolt can serve queries at once.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);

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
