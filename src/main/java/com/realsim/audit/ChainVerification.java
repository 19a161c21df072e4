package com.realsim.audit;

/**
 * The result of recomputing the hash chain.
 *
 * @param ok whether every entry up to the chain head links to the one before and hashes to its stored hash
 * @param checked how many entries were examined (up to and including the first broken one)
 * @param firstBroken the id of the first entry whose link or hash does not hold, or, when entries are missing from
 *     the end, the id the chain head names; null when the chain is intact
 * @param headHash the hash the chain ends with: recorded outside the database, it shows later that the whole chain
 *     was not rewritten
 */
public record ChainVerification(boolean ok, long checked, Long firstBroken, String headHash) {

    static ChainVerification intact(long checked, String headHash) {
        return new ChainVerification(true, checked, null, headHash);
    }

    static ChainVerification brokenAt(long checked, long entryId, String headHash) {
        return new ChainVerification(false, checked, entryId, headHash);
    }
}
