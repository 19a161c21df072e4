package com.realsim.card.web;

import com.realsim.card.EndUserDetails;
import com.realsim.identity.PersonFields;
import java.time.LocalDate;

/** The agent's form binding a card's end user; never prefilled with sealed values. */
public class EndUserForm extends PersonFields {

    EndUserDetails toDetails(LocalDate today) {
        return EndUserDetails.of(getName(), getIdType(), getIdNumber(), getIdAddress(), today);
    }
}
