package com.realsim.verification;

/** What an identity authority says about a name and an ID document. */
public enum IdentityResult {
    /** The name and the number belong together. */
    CONSISTENT,
    /** The number exists, with another name. */
    INCONSISTENT,
    /** The authority knows no such number. */
    NO_RECORD
}
