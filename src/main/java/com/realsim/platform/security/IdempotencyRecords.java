package com.realsim.platform.security;

import com.realsim.platform.crypto.KeyRing;
import com.realsim.platform.jobs.Recurring;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The kept answers of idempotent requests, in PostgreSQL so that every application instance sees them. Nothing is
 * kept in clear: the request is known by a keyed fingerprint (HMAC with the platform's {@code blind-index} key, so a
 * request body with an ID number or a password in it cannot be guessed back from it), and an answer's body is sealed
 * (AES-256-GCM with the {@code personal-data} key, bound to owner, key and fingerprint). Answers that carry a clear
 * value ({@link com.realsim.platform.web.Discloses}) are not kept at all, only what a repeat gets instead.
 */
@Component
@RequiredArgsConstructor
class IdempotencyRecords {

    static final Duration TIME_TO_LIVE = Duration.ofHours(24);

    /** What a repeat of a finished request gets. */
    enum Answer {
        /** the kept (sealed) answer again */
        REPLAY,
        /** nothing kept: the request runs again (audited disclosures) */
        RUN_AGAIN,
        /** nothing kept: 409, the answer is given once (secrets; and every answer kept before sealing existed) */
        NOT_REPEATED
    }

    record Stored(
            String fingerprint,
            boolean inProgress,
            int status,
            String contentType,
            String location,
            Answer answer,
            byte[] body) {}

    private static final String FINGERPRINT_DOMAIN = "realsim/idempotency-fingerprint/v1|";
    private static final String SEAL_DOMAIN = "realsim/idempotency-answer/v1|";

    private final JdbcClient jdbc;
    private final KeyRing keys;
    private final Clock clock;

    /**
     * The kept fingerprint of a request, from the SHA-256 digest of its method, path, query and body (as hex): a keyed
     * hash of it, so that it cannot be recomputed from a guessed request without the key.
     */
    String fingerprint(String requestDigest) {
        return fingerprint(keys, requestDigest);
    }

    static String fingerprint(KeyRing keys, String requestDigest) {
        try {
            byte[] input = (FINGERPRINT_DOMAIN + requestDigest).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(keys.blindIndex().computePrimary(input, 32));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The blind-index key cannot fingerprint a request", e);
        }
    }

    /**
     * Claims the key for a request: empty when this request is the first (and now owns the key), otherwise the record
     * of the earlier request with this key, its answer opened. An expired record is replaced.
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
                        SELECT fingerprint, status IS NULL AS in_progress, status, content_type, location, answer,
                               body_enc
                        FROM idempotency_record WHERE owner = ? AND idempotency_key = ?""")
                .params(owner, key)
                .query((rs, row) -> {
                    String kept = rs.getString("fingerprint");
                    String answer = rs.getString("answer");
                    byte[] sealed = rs.getBytes("body_enc");
                    return new Stored(
                            kept,
                            rs.getBoolean("in_progress"),
                            rs.getInt("status"),
                            rs.getString("content_type"),
                            rs.getString("location"),
                            answer == null ? Answer.NOT_REPEATED : Answer.valueOf(answer),
                            sealed == null || !kept.equals(fingerprint) ? null : open(sealed, owner, key, kept));
                })
                .optional();
    }

    /** The first request finished: its answer is kept sealed, or (for a clear answer) only what a repeat gets. */
    void complete(
            String owner,
            String key,
            String fingerprint,
            int status,
            String contentType,
            String location,
            Answer answer,
            byte[] body) {
        byte[] sealed = answer == Answer.REPLAY ? seal(body, owner, key, fingerprint) : null;
        jdbc.sql("""
                        UPDATE idempotency_record SET status = ?, content_type = ?, location = ?, answer = ?, body_enc = ?
                        WHERE owner = ? AND idempotency_key = ?""")
                .params(status, contentType, location, answer.name(), sealed, owner, key)
                .update();
    }

    void release(String owner, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE owner = ? AND idempotency_key = ? AND status IS NULL")
                .params(owner, key)
                .update();
    }

    @Recurring(name = "platform-idempotency-records", fixedDelay = "1h", initialDelay = "10m")
    void deleteExpired() {
        jdbc.sql("DELETE FROM idempotency_record WHERE expires_at < ?")
                .param(Timestamp.from(clock.instant()))
                .update();
    }

    private byte[] seal(byte[] body, String owner, String key, String fingerprint) {
        try {
            return keys.personalData().encrypt(body, associatedData(owner, key, fingerprint));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a kept answer", e);
        }
    }

    private byte[] open(byte[] sealed, String owner, String key, String fingerprint) {
        try {
            return keys.personalData().decrypt(sealed, associatedData(owner, key, fingerprint));
        } catch (GeneralSecurityException e) {
            // a wrong key, or a sealed answer moved to another record
            throw new IllegalStateException("A kept answer does not open for its record");
        }
    }

    /** The record the answer belongs to: a sealed answer copied to another owner's or another key's row does not open. */
    static byte[] associatedData(String owner, String key, String fingerprint) {
        return (SEAL_DOMAIN + owner.length() + ":" + owner + "|" + key.length() + ":" + key + "|" + fingerprint)
                .getBytes(StandardCharsets.UTF_8);
    }
}
