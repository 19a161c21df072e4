package com.realsim.document;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps each document's encrypted bytes in {@code stored_document_content}, in the transaction of the caller (the
 * record the document belongs to): every instance opens every document, and a rolled-back upload leaves nothing.
 */
@RequiredArgsConstructor
class DatabaseDocumentStore implements DocumentStore {

    private final JdbcTemplate jdbc;

    @Override
    public void put(String key, byte[] content) {
        jdbc.update("INSERT INTO stored_document_content (storage_key, content) VALUES (?, ?)", key, content);
    }

    @Override
    public byte[] get(String key) {
        return jdbc
                .query(
                        "SELECT content FROM stored_document_content WHERE storage_key = ?",
                        (rs, row) -> rs.getBytes(1),
                        key)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No stored content for document " + key));
    }

    @Override
    public void delete(String key) {
        jdbc.update("DELETE FROM stored_document_content WHERE storage_key = ?", key);
    }

    @Override
    public void replace(String key, byte[] content) {
        if (jdbc.update("UPDATE stored_document_content SET content = ? WHERE storage_key = ?", content, key) != 1) {
            throw new IllegalStateException("No stored content for document " + key);
        }
    }

    @Override
    public boolean transactional() {
        return true;
    }
}
