package com.realsim.order;

import com.realsim.identity.BlindIndexMigration;
import com.realsim.identity.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V104: business orders' handler blind indexes keyed on the person (a travel permit's renewal count
 * or issue letter no longer part of them; docs/identity.md, "One person, one identity key").
 */
@Component
class HandlerIdentityKeys extends BlindIndexMigration {

    HandlerIdentityKeys(PersonalData personalData) {
        super(personalData, "104", "order handler identity keys", BusinessOrder.TABLE, "handler_");
    }
}
