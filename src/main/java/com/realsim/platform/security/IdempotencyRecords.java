package com.realsim.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The kept answers of idempotent requests, in PostgreSQL so that every application instance sees them. */
@Component
class IdempotencyRecords {

    static final Duration TIME_TO_LIVE = Duration.ofHours(24);

    record Stored(
            String fingerprint, boolean inProgress, int status, String contentType, String location, byte[] body) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the key for a request: empty when this request is the first (and now owns the key), otherwise the record
     * of the earlier request with this key. An expired record is replaced.
     */
    Optional<Stored> claim(String owner, String key, String fingerprint) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("DELETE FROM idempotency_record WHERE owner = ? AND idempotency_key = ? AND expires_at < ?")
                .params(owner, key, now)
                .update();
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_record (owner, idempotency_key, fingerprint, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner, idempotency_key) DO NOTHING""")
                .params(
                        owner,
                        key,
                        fingerprint,
                        now,
                        Timestamp.from(clock.instant().plus(TIME_TO_LIVE)))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT fingerprint, status IS NULL AS in_progress, status, content_type, location, body
                        FROM idempotency_record WHERE owner = ? AND idempotency_key = ?""")
                .params(owner, key)
                .query((rs, row) -> new Stored(
                        rs.getString("fingerprint"),
                        rs.getBoolean("in_progress"),
                        rs.getInt("status"),
                        rs.getString("content_type"),
                        rs.getString("location"),
                        rs.getBytes("body")))
                .optional();
    }

    void complete(String owner, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_record SET status = ?, content_type = ?, location = ?, body = ?
                        WHERE owner = ? AND idempotency_key = ?""").params(status, contentType, location, body, owner, key).update();
    }

    void release(String owner, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE owner = ? AND idempotency_key = ? AND status IS NULL")
                .params(owner, key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void deleteExpired() {
        jdbc.sql("DELETE FROM idempotency_record WHERE expires_at < ?")
                .param(Timestamp.from(clock.instant()))
                .update();
    }
}
