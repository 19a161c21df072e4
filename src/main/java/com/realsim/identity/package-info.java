/**
 * Identities: ID document types and numbers (GB 11643 resident ID numbers, permits, passports), unified social
 * credit codes (GB 32100), their validation and normalisation; sealing of personal data at rest (Tink AEAD plus a
 * keyed blind index for equality look-ups), masking for display, and audited unmasking.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package com.realsim.identity;
