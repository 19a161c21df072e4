package com.realsim.webhook;

import com.realsim.platform.crypto.KeyName;
import com.realsim.platform.crypto.KeyRing;
import com.realsim.platform.crypto.SealedData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The webhooks' signing secrets: made from 32 random bytes, shown once to the client that registers the webhook, kept
 * sealed with the personal-data AEAD key (bound to the webhook's id), opened only to sign a delivery. Hashing would not
 * do: the platform must compute the same HMAC as the partner. Re-sealed after a rotation of that key like the other
 * sealed data.
 */
@Component
@RequiredArgsConstructor
class WebhookSecrets implements SealedData {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "whsec_";

    private final JdbcTemplate jdbc;
    private final KeyRing keys;

    /** A new secret: {@code whsec_} and 64 hex digits. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    byte[] seal(long webhookId, String secret) {
        try {
            return keys.personalData().encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(webhookId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret could not be sealed", e);
        }
    }

    String open(long webhookId, byte[] sealed) {
        try {
            return new String(keys.personalData().decrypt(sealed, associatedData(webhookId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The secret of webhook " + webhookId + " does not open", e);
        }
    }

    /**
     * The signature header's value for this body: {@code sha256=} and the lower-case hex HMAC-SHA256 of the body's
     * UTF-8 bytes, keyed with the secret's UTF-8 bytes (the string as shown at registration).
     */
    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] associatedData(long webhookId) {
        return ("webhook-secret:" + webhookId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public KeyName key() {
        return KeyName.PERSONAL_DATA;
    }

    @Override
    public String name() {
        return "webhook: signing secrets";
    }

    @Override
    public Batch resealNext(String cursor, int limit) {
        long after = cursor == null ? 0 : Long.parseLong(cursor);
        List<Object[]> updates = new ArrayList<>();
        long[] last = {after};
        int[] rows = {0};
        jdbc.query(
                "SELECT id, secret FROM webhook WHERE id > ? ORDER BY id LIMIT ? FOR UPDATE",
                rs -> {
                    rows[0]++;
                    last[0] = rs.getLong(1);
                    try {
                        byte[] again = keys.resealed(KeyName.PERSONAL_DATA, rs.getBytes(2), associatedData(last[0]));
                        if (again != null) {
                            updates.add(new Object[] {again, last[0]});
                        }
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("The secret of webhook " + last[0] + " does not open", e);
                    }
                },
                after,
                limit);
        for (Object[] update : updates) {
            jdbc.update("UPDATE webhook SET secret = ? WHERE id = ?", update);
        }
        return new Batch(rows[0] == limit ? Long.toString(last[0]) : null, rows[0], updates.size());
    }
}
