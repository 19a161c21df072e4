package com.realsim.enterprise;

import com.realsim.identity.BlindIndexMigration;
import com.realsim.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V103: responsible persons' blind indexes keyed on the person (a travel permit's renewal count or
 * issue letter no longer part of them; docs/identity.md, "One person, one identity key").
 */
@Component
class ResponsiblePersonIdentityKeys extends BlindIndexMigration {

    ResponsiblePersonIdentityKeys(PersonalData personalData) {
        super(personalData, "103", "enterprise responsible person identity keys", ResponsiblePerson.TABLE, "");
    }
}
