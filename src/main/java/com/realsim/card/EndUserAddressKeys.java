package com.realsim.card;

import com.realsim.identity.AddressIndexMigration;
import com.realsim.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V322: the end users bound before V321 get the blind index of their ID address (opened in memory
 * with the keys, indexed, never written in clear), which the {@code SHARED_ADDRESS} risk rule counts identities by.
 */
@Component
class EndUserAddressKeys extends AddressIndexMigration {

    EndUserAddressKeys(PersonalData personalData) {
        super(personalData, "322", "card end user address index", "card_end_user", "");
    }
}
