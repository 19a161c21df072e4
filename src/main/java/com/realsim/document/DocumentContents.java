package com.realsim.document;

import com.realsim.platform.crypto.KeyName;
import com.realsim.platform.crypto.KeyRing;
import com.realsim.platform.crypto.SealedData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The stored documents' content, for the re-seal after a rotation of the documents key, whichever store keeps it. */
@Component
@RequiredArgsConstructor
class DocumentContents implements SealedData {

    private final JdbcTemplate jdbc;
    private final DocumentStore store;
    private final KeyRing keys;

    @Override
    public KeyName key() {
        return KeyName.DOCUMENTS;
    }

    @Override
    public String name() {
        return "document: stored documents";
    }

    /** The id of the last document. */
    @Override
    public Batch resealNext(String cursor, int limit) {
        long after = cursor == null ? 0 : Long.parseLong(cursor);
        List<Object[]> documents = jdbc.query(
                "SELECT id, storage_key FROM stored_document WHERE id > ? ORDER BY id LIMIT ? FOR UPDATE",
                (rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)},
                after,
                limit);
        int resealed = 0;
        for (Object[] document : documents) {
            String storageKey = (String) document[1];
            try {
                byte[] again = keys.resealed(
                        KeyName.DOCUMENTS, store.get(storageKey), storageKey.getBytes(StandardCharsets.US_ASCII));
                if (again != null) {
                    store.replace(storageKey, again);
                    resealed++;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Stored document " + document[0] + " does not open");
            }
        }
        String next = documents.size() == limit ? String.valueOf(documents.get(documents.size() - 1)[0]) : null;
        return new Batch(next, documents.size(), resealed);
    }
}
