package com.realsim.enterprise;

import com.realsim.identity.IdDocument;
import java.time.LocalDate;

/**
 * The responsible person as entered, already checked: the legal representative, or someone authorised by the unit
 * with an authorisation letter valid from and to the given dates.
 */
public record ResponsiblePersonDetails(
        String name,
        IdDocument idDocument,
        String idAddress,
        boolean legalRepresentative,
        LocalDate authorizationValidFrom,
        LocalDate authorizationValidTo) {

    @Override
    public String toString() {
        return "ResponsiblePersonDetails[" + idDocument + "]";
    }
}
