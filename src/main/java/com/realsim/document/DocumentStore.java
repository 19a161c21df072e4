package com.realsim.document;

/**
 * Where the encrypted bytes of documents live, by a server-generated key: PostgreSQL ({@code database}, the default
 * with an external database, so that every instance opens every document) or files under the data directory
 * ({@code filesystem}, the default of the embedded setup); {@code realsim.documents.store} chooses. Another store would be
 * another bean of this type. Implementations write all or nothing: a key is either absent or holds
 * complete content.
 */
public interface DocumentStore {

    /** Stores new content under a key that is not in use yet. */
    void put(String key, byte[] content);

    /** The content under this key; an {@link IllegalStateException} when there is none. */
    byte[] get(String key);

    /** Removes the content under this key, if there is any. */
    void delete(String key);

    /** Replaces the content under a key in use (a re-seal after a key rotation), all or nothing. */
    void replace(String key, byte[] content);

    /**
     * Whether writes take part in the caller's transaction (and vanish with its rollback); otherwise the caller
     * removes what an undone transaction stored.
     */
    default boolean transactional() {
        return false;
    }
}
