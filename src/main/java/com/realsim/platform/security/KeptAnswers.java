package com.realsim.platform.security;

import com.realsim.platform.crypto.KeyName;
import com.realsim.platform.crypto.KeyRing;
import com.realsim.platform.crypto.SealedData;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The sealed answers of {@link IdempotencyRecords}, for the re-seal after a rotation of the personal-data key. */
@Component
@RequiredArgsConstructor
class KeptAnswers implements SealedData {

    private final JdbcTemplate jdbc;
    private final KeyRing keys;

    @Override
    public KeyName key() {
        return KeyName.PERSONAL_DATA;
    }

    @Override
    public String name() {
        return "platform: kept idempotent answers";
    }

    /** {@code <owner>\n<idempotency key>} of the last row; neither contains a line break (header values). */
    @Override
    public Batch resealNext(String cursor, int limit) {
        String owner = cursor == null ? "" : cursor.substring(0, cursor.indexOf('\n'));
        String key = cursor == null ? "" : cursor.substring(cursor.indexOf('\n') + 1);
        List<Object[]> updates = new ArrayList<>();
        String[] last = {null, null};
        int[] rows = {0};
        jdbc.query(
                """
                    SELECT owner, idempotency_key, fingerprint, body_enc FROM idempotency_record
                     WHERE (owner, idempotency_key) > (?, ?) ORDER BY owner, idempotency_key LIMIT ? FOR UPDATE""",
                rs -> {
                    rows[0]++;
                    last[0] = rs.getString(1);
                    last[1] = rs.getString(2);
                    byte[] sealed = rs.getBytes(4);
                    if (sealed == null) {
                        return;
                    }
                    try {
                        byte[] again = keys.resealed(
                                KeyName.PERSONAL_DATA,
                                sealed,
                                IdempotencyRecords.associatedData(last[0], last[1], rs.getString(3)));
                        if (again != null) {
                            updates.add(new Object[] {again, last[0], last[1]});
                        }
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("A kept answer does not open for its record");
                    }
                },
                owner,
                key,
                limit);
        for (Object[] update : updates) {
            jdbc.update("UPDATE idempotency_record SET body_enc = ? WHERE owner = ? AND idempotency_key = ?", update);
        }
        return new Batch(rows[0] == limit ? last[0] + "\n" + last[1] : null, rows[0], updates.size());
    }
}
