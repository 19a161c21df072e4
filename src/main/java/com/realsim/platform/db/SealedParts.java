package com.realsim.platform.db;

import com.realsim.platform.crypto.KeyRing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files kept in PostgreSQL rather than on one node's disk, so that every instance reads them: parts of at most
 * 1 MiB in a table of {@code (<owner column>, part, content)}, each part sealed with the {@code
 * documents} key and bound to its owner and number, so that a part copied to another owner or place does not open.
 * At most one part is in memory at a time, writing or reading. The one mechanism behind a background job's input
 * (an uploaded file) and an export's file.
 */
@Component
@RequiredArgsConstructor
public class SealedParts {

    public static final int PART = 1 << 20;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final KeyRing keys;
    private final PlatformTransactionManager transactions;

    /**
     * Where one kind of file lives.
     *
     * @param table the table of parts, {@code (<ownerColumn> bigint, part int, content bytea)}
     * @param ownerColumn the column naming the file's owner (a job, an export)
     * @param place the prefix each part's seal is bound to, with the owner and the part's number
     */
    public record Table(String table, String ownerColumn, String place) {

        String insert() {
            return "INSERT INTO " + table + " (" + ownerColumn + ", part, content) VALUES (?, ?, ?)";
        }

        String select() {
            return "SELECT content FROM " + table + " WHERE " + ownerColumn + " = ? AND part = ?";
        }

        byte[] placeOf(long owner, int part) {
            return (place + "|" + owner + "|" + part).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Stores the whole stream in the caller's transaction (with the record it belongs to); answers its length. */
    public long store(Table table, long owner, InputStream input) {
        long length = 0;
        int part = 0;
        try {
            byte[] buffer = new byte[PART];
            while (true) {
                int filled = input.readNBytes(buffer, 0, PART);
                if (filled == 0) {
                    return length;
                }
                insert(table, owner, part, Arrays.copyOf(buffer, filled));
                length += filled;
                part++;
                if (filled < PART) {
                    return length;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file of " + table.place() + " " + owner, e);
        }
    }

    /**
     * A stream that stores what is written into the owner's parts from part 0, each part committed on a transaction of
     * its own (the writer may be reading a cursor in another); {@code close} stores the last part (an empty file is
     * one empty part).
     */
    public OutputStream writer(Table table, long owner) {
        return new PartsOut(table, owner);
    }

    /** The stored file from its beginning. Each part is read on a connection of its own, outside any transaction. */
    public InputStream reader(Table table, long owner) {
        return new PartsIn(table, owner);
    }

    public long parts(Table table, long owner) {
        return jdbc.sql("SELECT count(*) FROM " + table.table() + " WHERE " + table.ownerColumn() + " = ?")
                .param(owner)
                .query(Long.class)
                .single();
    }

    /** Deletes the owner's parts in the caller's transaction. */
    public void delete(Table table, long owner) {
        jdbc.sql("DELETE FROM " + table.table() + " WHERE " + table.ownerColumn() + " = ?")
                .param(owner)
                .update();
    }

    /** Deletes the owner's parts in a transaction of its own, committed at once. */
    public void deleteSeparately(Table table, long owner) {
        separately().executeWithoutResult(status -> delete(table, owner));
    }

    private void insert(Table table, long owner, int part, byte[] content) {
        byte[] sealed;
        try {
            sealed = keys.documents().encrypt(content, table.placeOf(owner, part));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal part " + part + " of " + table.place() + " " + owner, e);
        }
        jdbc.sql(table.insert()).params(owner, part, sealed).update();
    }

    /**
     * One part, read on a connection of its own: the reader may hold a transaction whose connection is busy (a job's
     * {@code COPY} in progress), so the read must not join it.
     */
    private byte[] part(Table table, long owner, int part) {
        byte[] stored;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(table.select())) {
            select.setLong(1, owner);
            select.setInt(2, part);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                stored = rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read part " + part + " of " + table.place() + " " + owner, e);
        }
        try {
            return keys.documents().decrypt(stored, table.placeOf(owner, part));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Part " + part + " of " + table.place() + " " + owner + " does not open");
        }
    }

    private TransactionTemplate separately() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    private final class PartsOut extends OutputStream {

        private final Table table;
        private final long owner;
        private final byte[] buffer = new byte[PART];
        private int filled;
        private int part;
        private boolean closed;

        PartsOut(Table table, long owner) {
            this.table = table;
            this.owner = owner;
        }

        @Override
        public void write(int b) {
            if (filled == PART) {
                store();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (filled == PART) {
                    store();
                }
                int n = Math.min(length, PART - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (filled > 0 || part == 0) {
                    store();
                }
            }
        }

        private void store() {
            byte[] content = Arrays.copyOf(buffer, filled);
            int number = part;
            separately().executeWithoutResult(status -> insert(table, owner, number, content));
            part++;
            filled = 0;
        }
    }

    private final class PartsIn extends InputStream {

        private final Table table;
        private final long owner;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        PartsIn(Table table, long owner) {
            this.table = table;
            this.owner = owner;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position == current.length) {
                if (ended) {
                    return false;
                }
                byte[] loaded = part(table, owner, next++);
                if (loaded == null) {
                    ended = true;
                    return false;
                }
                current = loaded;
                position = 0;
            }
            return true;
        }
    }
}
