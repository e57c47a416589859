package org.mutuality.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every node that something a node may keep in memory has changed, once the change has
 * committed. On this node the subscribers hear it right after the commit; on PostgreSQL every other
 * node hears it through {@code NOTIFY}, which the database delivers only when the writing transaction
 * commits, within milliseconds. On an embedded database there is only one node.
 *
 * <p>A node that has lost its {@code LISTEN} connection may have missed signals: until it has listened
 * again it says so ({@link #reliable()} is false), so that a cache is bypassed rather than trusted,
 * and once it listens again every subscriber hears {@link #EVERYTHING}, since what it missed is not
 * known.
 */
@Component
public class NodeSignals implements SmartLifecycle {

    /** The payload a subscriber hears when anything may have changed. */
    public static final String EVERYTHING = "*";

    private static final Logger LOG = LoggerFactory.getLogger(NodeSignals.class);
    private static final String CHANNEL = "mutuality_signals";

    /** How the listening connection names itself to PostgreSQL ({@code pg_stat_activity}). */
    public static final String APPLICATION_NAME = "mutuality-node-signals";

    private static final int WAIT_MILLIS = 2_000;
    private static final int HEARTBEAT_MILLIS = 5_000;

    /** The transaction resource that holds the topics the transaction has signalled. */
    private static final Object SENT = new Object();

    private final JdbcClient jdbc;
    private final String url;
    private final String username;
    private final String password;
    private final boolean postgres;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

    private volatile boolean listening;
    private boolean warned;
    private volatile boolean running;
    private @Nullable Thread listener;

    public NodeSignals(
            JdbcClient jdbc,
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        this.jdbc = jdbc;
        this.url = url;
        this.username = username;
        this.password = password;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    /** Calls {@code subscriber} with the payload of every signal of the topic, from any node. */
    public void subscribe(String topic, Consumer<String> subscriber) {
        subscribers
                .computeIfAbsent(requireTopic(topic), t -> new CopyOnWriteArrayList<>())
                .add(subscriber);
    }

    /**
     * Signals a change of the topic once the current transaction commits (at once without one): this
     * node's subscribers hear it right after the commit, other nodes' when the database delivers it.
     * Nothing is heard if the transaction rolls back.
     */
    public void send(String topic, String payload) {
        requireTopic(topic);
        if (payload.indexOf('\n') >= 0 || payload.length() > 1_000) {
            throw new IllegalStateException("a signal's payload is one short line");
        }
        if (postgres) {
            jdbc.sql("select pg_notify(:channel, :message)")
                    .param("channel", CHANNEL)
                    .param("message", topic + "\n" + payload)
                    .query((rs, n) -> 1)
                    .list();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            sentHere(topic);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(topic, payload);
                }
            });
        } else {
            deliver(topic, payload);
        }
    }

    /** Whether the current transaction has sent a signal of one of these topics that has not committed yet. */
    public boolean sentInThisTransaction(String... topics) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !(TransactionSynchronizationManager.getResource(SENT) instanceof Set<?> sent)) {
            return false;
        }
        for (String topic : topics) {
            if (sent.contains(topic)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static void sentHere(String topic) {
        Object sent = TransactionSynchronizationManager.getResource(SENT);
        if (sent == null) {
            Set<String> topics = ConcurrentHashMap.newKeySet();
            TransactionSynchronizationManager.bindResource(SENT, topics);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SENT);
                }
            });
            sent = topics;
        }
        ((Set<String>) sent).add(topic);
    }

    /**
     * Whether this node is sure to hear every other node's signals: always on an embedded database (one
     * node), and on PostgreSQL while it listens.
     */
    public boolean reliable() {
        return !postgres || listening;
    }

    private void deliver(String topic, String payload) {
        for (Consumer<String> subscriber : subscribers.getOrDefault(topic, List.of())) {
            subscriber.accept(payload);
        }
    }

    private void deliverEverywhere() {
        subscribers.forEach((topic, list) -> list.forEach(subscriber -> subscriber.accept(EVERYTHING)));
    }

    private static String requireTopic(String topic) {
        if (!topic.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalStateException("a topic is a short lower-case word");
        }
        return topic;
    }

    @Override
    public void start() {
        running = true;
        if (postgres) {
            Thread thread = new Thread(this::listen, "mutuality-node-signals");
            thread.setDaemon(true);
            listener = thread;
            thread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Listens for as long as the node runs, connecting again after a failure. */
    private void listen() {
        while (running) {
            Properties properties = new Properties();
            properties.setProperty("user", username);
            properties.setProperty("password", password);
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            properties.setProperty("tcpKeepAlive", "true");
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // a connection dropped without a word (a firewall's idle timeout, a failover) must
                // not go unnoticed: every wait ends with a query that fails within this time
                connection.setNetworkTimeout(Runnable::run, HEARTBEAT_MILLIS);
                listening = true;
                // what was kept before this connection listened may have missed a signal
                deliverEverywhere();
                while (running) {
                    heartbeat(connection);
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        String message = notification.getParameter();
                        int cut = message.indexOf('\n');
                        if (cut > 0) {
                            deliver(message.substring(0, cut), message.substring(cut + 1));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (listening || !warned) {
                    LOG.warn(
                            "Not hearing other nodes' signals; what is kept in memory is bypassed until this node"
                                    + " listens again: {}",
                            e.getClass().getSimpleName());
                    warned = true;
                }
                listening = false;
                deliverEverywhere();
                pause();
            }
        }
        listening = false;
    }

    private static void heartbeat(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
