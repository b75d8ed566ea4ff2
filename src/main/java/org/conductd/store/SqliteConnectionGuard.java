package org.conductd.store;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Hands out connections that begin read-only transactions as plain (deferred) ones and work
 * around three sqlite-jdbc behaviours:
 *
 * <ul>
 *   <li>A read waits for no writer. The configured transaction mode, {@code IMMEDIATE}, takes
 *       the write lock at {@code BEGIN}, so that writers queue instead of failing; a read begun
 *       that way would queue behind the intake's transaction too, holding one of the pool's few
 *       connections meanwhile, until the outbox could not get one to record a send. A read-only
 *       transaction therefore begins {@code DEFERRED}: in WAL mode it reads its snapshot at
 *       once, whoever writes.</li>
 *   <li>{@code Connection.setReadOnly} reaches only this choice, never the driver. Micronaut
 *       Data calls it for read-only operations, and sqlite-jdbc refuses it on an open connection
 *       (micronaut-data issue 3560), so every read in the running program would fail; tests
 *       inside a rolled-back test transaction never see this.</li>
 *   <li>A transaction that cannot begin leaves the connection as it was. sqlite-jdbc turns
 *       its auto-commit flag off before it runs {@code BEGIN IMMEDIATE}; when that fails
 *       (SQLITE_BUSY once another program has held the write lock past the busy timeout),
 *       the connection believes it is inside a transaction that does not exist (sqlite-jdbc
 *       issue 683). Back in the pool it would run every later transaction's statements one
 *       by one in auto-commit, and fail each at COMMIT, long after the lock was let go.</li>
 *   <li>Rolling back a transaction that SQLite has already rolled back itself succeeds. SQLite
 *       ends the whole transaction when a statement fails with SQLITE_FULL (and some I/O and
 *       memory errors); sqlite-jdbc's ROLLBACK then fails, and so, on returning the connection
 *       to the pool, does HikariCP's, whose error replaced the SQLITE_FULL: a full disk looked
 *       like a fault of whatever was being stored.</li>
 * </ul>
 */
@Singleton
public final class SqliteConnectionGuard implements BeanCreatedEventListener<DataSource>, Ordered {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource original = event.getBean();
        return original instanceof Guarded ? original : new Guarded(original);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    /** Delegates everything, handing out guarded connections. */
    static final class Guarded implements DataSource {
        private final DataSource delegate;

        Guarded(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return guard(delegate.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return guard(delegate.getConnection(username, password));
        }

        private static Connection guard(Connection connection) throws SQLException {
            SQLiteConnectionConfig config = connection.unwrap(SQLiteConnection.class).getConnectionConfig();
            TransactionMode writeMode = config.getTransactionMode();
            boolean[] readOnly = {false};
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if ("setReadOnly".equals(name)) {
                            readOnly[0] = (Boolean) args[0];
                            return null;
                        }
                        if ("isReadOnly".equals(name)) {
                            return readOnly[0];
                        }
                        if ("setAutoCommit".equals(name) && Boolean.FALSE.equals(args[0])) {
                            // Kept until the transaction ends: the driver begins its next one after a COMMIT.
                            config.setTransactionMode(readOnly[0] ? TransactionMode.DEFERRED : writeMode);
                            begin(connection);
                            return null;
                        }
                        if ("setAutoCommit".equals(name) || "close".equals(name)) {
                            // The configured mode again, for this connection's next borrower.
                            config.setTransactionMode(writeMode);
                        }
                        if ("rollback".equals(method.getName()) && args == null) {
                            rollback(connection);
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        /** Begins a transaction; if it cannot, puts the driver's auto-commit flag back on and rethrows. */
        private static void begin(Connection connection) throws SQLException {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException failed) {
                try {
                    if (!connection.getAutoCommit()) {
                        // Sets the flag first, then its COMMIT fails: there is no transaction to end.
                        connection.setAutoCommit(true);
                    }
                } catch (SQLException expected) {
                    failed.addSuppressed(expected);
                }
                throw failed;
            }
        }

        /**
         * Rolls back. A transaction that SQLite already rolled back itself is not an error: the
         * driver is told it is no longer in one (the transaction manager turns auto-commit back on
         * after every transaction anyway), and the failure that ended it is what the caller sees.
         */
        private static void rollback(Connection connection) throws SQLException {
            try {
                connection.rollback();
            } catch (SQLException e) {
                if (!endedBySqlite(e)) {
                    throw e;
                }
                try {
                    // Sets the flag first, then its COMMIT fails: there is no transaction to end.
                    connection.setAutoCommit(true);
                } catch (SQLException expected) {
                    // The flag is on; nothing else was left to undo.
                }
            }
        }

        /** "cannot rollback - no transaction is active": SQLite's own answer when it has already ended the transaction. */
        private static boolean endedBySqlite(SQLException e) {
            return e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_ERROR
                    && s.getMessage() != null && s.getMessage().contains("no transaction is active");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return iface.isInstance(this) || delegate.isWrapperFor(iface);
        }
    }
}
