package com.realsim.verification;

import com.realsim.identity.BlindIndexMigration;
import com.realsim.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V105: verification cases' blind indexes keyed on the person (a travel permit's renewal count or
 * issue letter no longer part of them; docs/identity.md, "One person, one identity key").
 */
@Component
class VerificationCaseIdentityKeys extends BlindIndexMigration {

    VerificationCaseIdentityKeys(PersonalData personalData) {
        super(personalData, "105", "verification case identity keys", VerificationCase.TABLE, "");
    }
}
