package com.realsim.card.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.RealNameGap;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNameRequirement;
import org.junit.jupiter.api.Test;

/** A card's real-name judged against its requirement: what is missing, and which approved exception waives what. */
class RealNameAssessmentTest {

    @Test
    void anAssessmentListsWhatIsMissingAndAnApprovedExceptionOfTheRightKindWaivesTheEndUser() {
        RealNameRequirement group = new RealNameRequirement("G", true, ExceptionKind.GROUP_APPROVAL, 1L);
        assertThat(new RealNameFacts(false, false, false, RealNameFacts.EndUser.NONE, null)
                        .assess(group)
                        .missing())
                .containsExactly(
                        RealNameGap.ENTERPRISE_NOT_VERIFIED,
                        RealNameGap.RESPONSIBLE_PERSON_MISSING,
                        RealNameGap.HANDLER_MISSING,
                        RealNameGap.END_USER_REQUIRED);
        assertThat(RealNameFacts.enterpriseComplete()
                        .withApprovedException(ExceptionKind.PROVINCIAL_APPROVAL)
                        .assess(group)
                        .missing())
                .containsExactly(RealNameGap.END_USER_REQUIRED);
        assertThat(RealNameFacts.enterpriseComplete()
                        .withApprovedException(ExceptionKind.GROUP_APPROVAL)
                        .assess(group)
                        .satisfied())
                .isTrue();
        RealNameRequirement none = new RealNameRequirement("N", true, ExceptionKind.NOT_ALLOWED, 1L);
        assertThat(RealNameFacts.enterpriseComplete()
                        .withApprovedException(ExceptionKind.GROUP_APPROVAL)
                        .assess(none)
                        .missing())
                .containsExactly(RealNameGap.END_USER_REQUIRED);
        assertThat(RealNameFacts.enterpriseComplete()
                        .withEndUser(RealNameFacts.EndUser.VERIFIED)
                        .assess(none)
                        .satisfied())
                .isTrue();
    }
}
