package com.realsim.platform.jobs;

import com.realsim.platform.crypto.KeyRing;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * The input of a background job (an uploaded file) in the database, so that any instance can run the job: parts of
 * at most {@value #PART} bytes, each sealed with the {@code documents} key and bound to the job and its number, so
 * that a part copied to another job or place does not open.
 */
@Component
@RequiredArgsConstructor
class JobInput {

    static final int PART = 1 << 20;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final KeyRing keys;

    /** Stores the whole stream in the caller's transaction and answers its length in bytes. */
    long store(long jobId, InputStream input) {
        long length = 0;
        int part = 0;
        try {
            byte[] buffer = new byte[PART];
            while (true) {
                int filled = input.readNBytes(buffer, 0, PART);
                if (filled == 0) {
                    return length;
                }
                byte[] sealed = keys.documents().encrypt(Arrays.copyOf(buffer, filled), place(jobId, part));
                jdbc.sql("INSERT INTO platform_job_input (job_id, part, content) VALUES (?, ?, ?)")
                        .params(jobId, part, sealed)
                        .update();
                length += filled;
                part++;
                if (filled < PART) {
                    return length;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the input of job " + jobId, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal the input of job " + jobId, e);
        }
    }

    /** The stored input from its beginning, one part in memory at a time. */
    InputStream open(long jobId) {
        return new PartsStream(jobId);
    }

    void delete(long jobId) {
        jdbc.sql("DELETE FROM platform_job_input WHERE job_id = ?").param(jobId).update();
    }

    /**
     * One part, read on a connection of its own: the job reading its input may hold a transaction whose connection is
     * busy (a {@code COPY} in progress), so the read must not join it.
     */
    private byte[] part(long jobId, int part) {
        byte[] stored;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT content FROM platform_job_input WHERE job_id = ? AND part = ?")) {
            select.setLong(1, jobId);
            select.setInt(2, part);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                stored = rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the input of job " + jobId, e);
        }
        try {
            return keys.documents().decrypt(stored, place(jobId, part));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A part of the input of job " + jobId + " does not open");
        }
    }

    private static byte[] place(long jobId, int part) {
        return ("realsim/job-input|" + jobId + "|" + part).getBytes(StandardCharsets.US_ASCII);
    }

    private final class PartsStream extends InputStream {

        private final long jobId;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        PartsStream(long jobId) {
            this.jobId = jobId;
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
                byte[] loaded = part(jobId, next++);
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
