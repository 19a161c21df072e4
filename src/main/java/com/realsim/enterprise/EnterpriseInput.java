package com.realsim.enterprise;

import com.realsim.identity.IdType;
import java.time.LocalDate;

/**
 * An enterprise registration as typed in a page or sent to the API, before any check: {@link EnterpriseService}
 * checks every field at once and answers all problems together, named as the API names them.
 */
public record EnterpriseInput(
        String name,
        CertificateType certificateType,
        String certificateNumber,
        String certificateAddress,
        String legalRepresentative,
        PersonInput responsiblePerson) {

    /** The responsible person as typed. */
    public record PersonInput(
            String name,
            IdType idType,
            String idNumber,
            String idAddress,
            Boolean legalRepresentative,
            LocalDate authorizationValidFrom,
            LocalDate authorizationValidTo) {

        @Override
        public String toString() {
            return "PersonInput[" + idType + "]";
        }
    }

    @Override
    public String toString() {
        return "EnterpriseInput[" + name + ", " + certificateType + "]";
    }
}
