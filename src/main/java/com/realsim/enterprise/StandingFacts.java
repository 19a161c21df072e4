package com.realsim.enterprise;

import java.time.LocalDate;

/**
 * The columns an {@link EnterpriseStanding} is judged on: the enterprise's status and its current responsible
 * person's authorisation, read in one statement without loading either aggregate (every card read asks). The person's
 * columns are null when the enterprise has no current responsible person. Other modules read them from the view
 * {@code enterprise_standing} (same columns, snake case) and have them judged by {@link EnterpriseService#standing(
 * StandingFacts)}.
 */
public record StandingFacts(
        Long enterpriseId,
        Long agentId,
        EnterpriseStatus status,
        Boolean legalRepresentative,
        LocalDate authorizationValidFrom,
        LocalDate authorizationValidTo) {

    EnterpriseStanding on(LocalDate day) {
        boolean personAuthorised = legalRepresentative != null
                && ResponsiblePerson.authorisedOn(
                        legalRepresentative, authorizationValidFrom, authorizationValidTo, day);
        return new EnterpriseStanding(enterpriseId, agentId, status.verified(), personAuthorised);
    }
}
