package com.realsim.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The standing read in one statement is judged by the aggregate's rules. */
class StandingFactsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    static StandingFacts facts(EnterpriseStatus status, Boolean legal, LocalDate from, LocalDate to) {
        return new StandingFacts(7L, 3L, status, legal, from, to);
    }

    @Test
    void aVerifiedEnterpriseWhoseLegalRepresentativeIsResponsibleIsComplete() {
        EnterpriseStanding standing =
                facts(EnterpriseStatus.VERIFIED, true, null, null).on(DAY);
        assertThat(standing).isEqualTo(new EnterpriseStanding(7, 3, true, true));
        assertThat(standing.complete()).isTrue();
    }

    @Test
    void anAuthorisedPersonCountsOnlyWithinTheAuthorisationsDaysBothEndsIncluded() {
        LocalDate from = DAY.minusDays(10);
        assertThat(facts(EnterpriseStatus.VERIFIED, false, from, DAY).on(DAY).responsiblePersonCurrent())
                .isTrue();
        assertThat(facts(EnterpriseStatus.VERIFIED, false, DAY, DAY.plusDays(1))
                        .on(DAY)
                        .responsiblePersonCurrent())
                .isTrue();
        assertThat(facts(EnterpriseStatus.VERIFIED, false, from, DAY.minusDays(1))
                        .on(DAY)
                        .responsiblePersonCurrent())
                .as("expired yesterday")
                .isFalse();
        assertThat(facts(EnterpriseStatus.VERIFIED, false, DAY.plusDays(1), DAY.plusDays(9))
                        .on(DAY)
                        .responsiblePersonCurrent())
                .as("not yet valid")
                .isFalse();
        assertThat(facts(EnterpriseStatus.VERIFIED, false, null, null).on(DAY).responsiblePersonCurrent())
                .as("no authorisation")
                .isFalse();
    }

    @Test
    void withoutACurrentResponsiblePersonTheStandingIsIncomplete() {
        EnterpriseStanding standing =
                facts(EnterpriseStatus.VERIFIED, null, null, null).on(DAY);
        assertThat(standing.verified()).isTrue();
        assertThat(standing.responsiblePersonCurrent()).isFalse();
        assertThat(standing.complete()).isFalse();
    }

    @Test
    void onlyVerifiedAndChangePendingCountAsVerified() {
        for (EnterpriseStatus status : EnterpriseStatus.values()) {
            assertThat(facts(status, true, null, null).on(DAY).verified())
                    .as(status.name())
                    .isEqualTo(status == EnterpriseStatus.VERIFIED || status == EnterpriseStatus.CHANGE_PENDING);
        }
    }
}
