package com.realsim.document;

/**
 * Where the encrypted bytes of documents live, by a server-generated key. The file-system store is the only one
 * provided; another store (an object store, say) would be another bean of this type. Implementations write all or
 * nothing: a key is either absent or holds complete content.
 */
public interface DocumentStore {

    /** Stores new content under a key that is not in use yet. */
    void put(String key, byte[] content);

    /** The content under this key; an {@link IllegalStateException} when there is none. */
    byte[] get(String key);

    /** Removes the content under this key, if there is any. */
    void delete(String key);
}
