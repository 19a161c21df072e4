package com.realsim.platform.crypto;

/**
 * Data sealed with an AEAD key ({@link KeyName#PERSONAL_DATA}, {@link KeyName#DOCUMENTS}), implemented by the module
 * that keeps it, so that the re-seal job after a rotation can move it to the new primary key batch by batch
 * ({@link KeyRing#resealed} does one value). The old keys stay in the keyset, so data not re-sealed yet keeps opening.
 */
public interface SealedData {

    /** The key this data is sealed with. */
    KeyName key();

    /** What this data is, for the log: {@code identity: sealed columns}. */
    String name();

    /**
     * Re-seals the next rows after {@code cursor} (null: from the start), at most {@code limit} of them, each under its
     * row lock, and answers where it got to. The re-seal job runs each batch in a transaction of its own.
     */
    Batch resealNext(String cursor, int limit);

    /**
     * @param next the cursor after this batch; null when there is nothing more
     * @param rows the rows looked at
     * @param resealed the rows sealed anew (the others were sealed with the primary key already)
     */
    record Batch(String next, int rows, int resealed) {}
}
