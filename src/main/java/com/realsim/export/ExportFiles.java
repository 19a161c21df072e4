package com.realsim.export;

import com.realsim.platform.crypto.KeyRing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Export files in PostgreSQL, so that every instance serves them: parts of at most {@value #PART} bytes in {@code
 * export_file_part}, each sealed with the documents key and bound to its export and number (a part copied elsewhere
 * does not open). A file is written while the export's cursor is open in another transaction: each part is committed
 * on a connection of its own, so at most one part is in memory.
 */
@Component
@RequiredArgsConstructor
class ExportFiles {

    static final int PART = 1 << 20;

    private final JdbcClient jdbc;
    private final KeyRing keys;
    private final PlatformTransactionManager transactions;

    /** A stream that stores what is written into the export's parts, from part 0; {@code close} stores the last. */
    OutputStream writer(long exportId) {
        return new PartsOut(exportId);
    }

    /** The stored file from its beginning, one part in memory at a time. */
    InputStream reader(long exportId) {
        return new PartsIn(exportId);
    }

    long parts(long exportId) {
        return jdbc.sql("SELECT count(*) FROM export_file_part WHERE export_id = ?")
                .param(exportId)
                .query(Long.class)
                .single();
    }

    void delete(long exportId) {
        separately()
                .executeWithoutResult(status -> jdbc.sql("DELETE FROM export_file_part WHERE export_id = ?")
                        .param(exportId)
                        .update());
    }

    private TransactionTemplate separately() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    private static byte[] place(long exportId, int part) {
        return ("realsim/export|" + exportId + "|" + part).getBytes(StandardCharsets.US_ASCII);
    }

    private final class PartsOut extends OutputStream {

        private final long exportId;
        private final byte[] buffer = new byte[PART];
        private int filled;
        private int part;
        private boolean closed;

        PartsOut(long exportId) {
            this.exportId = exportId;
        }

        @Override
        public void write(int b) throws IOException {
            if (filled == PART) {
                store();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
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
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (filled > 0 || part == 0) {
                    store();
                }
            }
        }

        private void store() throws IOException {
            byte[] sealed;
            try {
                sealed = keys.documents().encrypt(Arrays.copyOf(buffer, filled), place(exportId, part));
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot seal part " + part + " of export " + exportId, e);
            }
            int number = part;
            separately()
                    .executeWithoutResult(status -> jdbc.sql(
                                    "INSERT INTO export_file_part (export_id, part, content) VALUES (?, ?, ?)")
                            .params(exportId, number, sealed)
                            .update());
            part++;
            filled = 0;
        }
    }

    private final class PartsIn extends InputStream {

        private final long exportId;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        PartsIn(long exportId) {
            this.exportId = exportId;
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
                int number = next++;
                byte[] stored = jdbc.sql("SELECT content FROM export_file_part WHERE export_id = ? AND part = ?")
                        .params(exportId, number)
                        .query(byte[].class)
                        .optional()
                        .orElse(null);
                if (stored == null) {
                    ended = true;
                    return false;
                }
                try {
                    current = keys.documents().decrypt(stored, place(exportId, number));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Part " + number + " of export " + exportId + " does not open");
                }
                position = 0;
            }
            return true;
        }
    }
}
