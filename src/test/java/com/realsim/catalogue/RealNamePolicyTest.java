package com.realsim.catalogue;

import static com.realsim.catalogue.ServiceDirection.DIRECTIONAL;
import static com.realsim.catalogue.ServiceDirection.NONE;
import static com.realsim.catalogue.ServiceDirection.NON_DIRECTIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.catalogue.domain.RealNameRules;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.ActorAuthentication;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The real-name policy as seeded from domain-rules.md, against the database: every row of the table, the priority
 * order where rows overlap, and an ADMIN's change taking effect.
 */
@SpringBootTest
class RealNamePolicyTest {

    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);

    @Autowired
    RealNamePolicy policy;

    @Autowired
    RealNameRules rules;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static ServicePlanSummary plan(
            boolean dataDirectional, ServiceDirection voice, ServiceDirection sms, boolean test) {
        return new ServicePlanSummary(1L, "P", "plan", dataDirectional, voice, sms, test, false, Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0}: data directional {1}, voice {2}, SMS {3}, test {4} → {5} {6} {7}")
    @CsvSource({
        // test-card package: not required, whatever else the plan has
        "13812345678, false, NON_DIRECTIONAL, NON_DIRECTIONAL, true, TEST_PACKAGE, false, NONE_NEEDED",
        "14912345678, true, NONE, NONE, true, TEST_PACKAGE, false, NONE_NEEDED",
        // directional data only, no voice/SMS: enterprise level suffices (also in the 149 segment)
        "13812345678, true, NONE, NONE, false, DIRECTIONAL_DATA_ONLY, false, NONE_NEEDED",
        "14912345678, true, NONE, NONE, false, DIRECTIONAL_DATA_ONLY, false, NONE_NEEDED",
        // non-directional data: required, provincial approval possible
        "13812345678, false, NONE, NONE, false, NON_DIRECTIONAL_DATA, true, PROVINCIAL_APPROVAL",
        "1440123456789, false, DIRECTIONAL, NONE, false, NON_DIRECTIONAL_DATA, true, PROVINCIAL_APPROVAL",
        // 149 with non-directional voice or SMS: required, no exception
        "14912345678, true, NON_DIRECTIONAL, NONE, false, SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS, true, NOT_ALLOWED",
        "14912345678, true, NONE, NON_DIRECTIONAL, false, SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS, true, NOT_ALLOWED",
        "14912345678, true, DIRECTIONAL, NON_DIRECTIONAL, false, SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS, true, NOT_ALLOWED",
        // 149 with directional voice or SMS: required, group approval possible
        "14912345678, true, DIRECTIONAL, NONE, false, SEGMENT_149_DIRECTIONAL_VOICE_SMS, true, GROUP_APPROVAL",
        "14912345678, true, NONE, DIRECTIONAL, false, SEGMENT_149_DIRECTIONAL_VOICE_SMS, true, GROUP_APPROVAL",
        // where the table is silent: directional data with voice outside 149 fails closed to the default
        "13812345678, true, DIRECTIONAL, NONE, false, DEFAULT, true, PROVINCIAL_APPROVAL"
    })
    void theSeededTableDecidesEachProfile(
            String msisdn,
            boolean dataDirectional,
            ServiceDirection voice,
            ServiceDirection sms,
            boolean test,
            String code,
            boolean endUserRequired,
            ExceptionKind exceptionKind) {
        RealNameRequirement requirement = policy.requirementFor(plan(dataDirectional, voice, sms, test), msisdn);
        assertThat(requirement.code()).isEqualTo(code);
        assertThat(requirement.endUserRequired()).isEqualTo(endUserRequired);
        assertThat(requirement.exceptionKind()).isEqualTo(exceptionKind);
        assertThat(requirement.ruleId()).isNotNull();
    }

    @Test
    void the149RulesComeBeforeTheNonDirectionalDataRuleSoNoApprovalWaivesNonDirectionalVoice() {
        // matches both "149 + non-directional voice" and "non-directional data": the stricter 149 rule is first
        RealNameRequirement requirement =
                policy.requirementFor(plan(false, NON_DIRECTIONAL, NONE, false), "14912345678");
        assertThat(requirement.code()).isEqualTo("SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS");
        assertThat(requirement.exceptionKind()).isEqualTo(ExceptionKind.NOT_ALLOWED);

        // 149 + directional SMS + non-directional data: the group approval of the 149 rule, not the provincial one
        assertThat(policy.requirementFor(plan(false, NONE, DIRECTIONAL, false), "14912345678")
                        .exceptionKind())
                .isEqualTo(ExceptionKind.GROUP_APPROVAL);

        // the same plan outside the 149 segment falls to the non-directional data rule
        assertThat(policy.requirementFor(plan(false, NONE, DIRECTIONAL, false), "13912345678")
                        .code())
                .isEqualTo("NON_DIRECTIONAL_DATA");
    }

    @Test
    void priorityDecidesBetweenOverlappingRulesAndAnAdminsChangeTakesEffect() {
        ServicePlanSummary testWithVoice = plan(true, NON_DIRECTIONAL, NONE, true);
        String number149 = "14900000001";
        assertThat(policy.requirementFor(testWithVoice, number149).code()).isEqualTo("TEST_PACKAGE");

        RealNameRuleView strict = policy.create(
                new RealNameRuleDefinition(
                        5, "TEST_149_STRICT", "149", true, null, NON_DIRECTIONAL, true, ExceptionKind.NOT_ALLOWED),
                ADMIN);
        try {
            assertThat(policy.requirementFor(testWithVoice, number149).code()).isEqualTo("TEST_149_STRICT");
            assertThat(policy.requirementFor(testWithVoice, "13800000001").code())
                    .isEqualTo("TEST_PACKAGE");

            policy.change(
                    strict.id(),
                    new RealNameRuleDefinition(
                            15, "TEST_149_STRICT", "149", true, null, NON_DIRECTIONAL, true, ExceptionKind.NOT_ALLOWED),
                    ADMIN);
            assertThat(policy.requirementFor(testWithVoice, number149).code()).isEqualTo("TEST_PACKAGE");
        } finally {
            policy.change(
                    strict.id(),
                    new RealNameRuleDefinition(
                            99_999,
                            "TEST_149_STRICT",
                            "149",
                            true,
                            null,
                            NON_DIRECTIONAL,
                            true,
                            ExceptionKind.NOT_ALLOWED),
                    ADMIN);
        }
    }

    @Test
    void anEditMadeElsewhereIsSeenOnceTheRulesAreOlderThanTheirTimeToLive() throws InterruptedException {
        ServicePlanSummary testPackage = plan(true, NONE, NONE, true);
        String number = "13800000002";
        RealNamePolicy kept = new RealNamePolicy(rules, java.time.Clock.systemUTC(), java.time.Duration.ofHours(1));
        RealNamePolicy shortLived =
                new RealNamePolicy(rules, java.time.Clock.systemUTC(), java.time.Duration.ofMillis(50));
        assertThat(kept.requirementFor(testPackage, number).code()).isEqualTo("TEST_PACKAGE");
        assertThat(shortLived.requirementFor(testPackage, number).code()).isEqualTo("TEST_PACKAGE");
        // another instance's edit: straight in the table, no event here
        jdbc.update(
                "UPDATE real_name_rule SET end_user_required = true, exception_kind = 'NOT_ALLOWED' WHERE code = 'TEST_PACKAGE'");
        try {
            Thread.sleep(100);

            assertThat(shortLived.requirementFor(testPackage, number).endUserRequired())
                    .isTrue();
            assertThat(kept.requirementFor(testPackage, number).endUserRequired())
                    .as("within the time to live the rules read before are used")
                    .isFalse();
        } finally {
            jdbc.update(
                    "UPDATE real_name_rule SET end_user_required = false, exception_kind = 'NONE_NEEDED' WHERE code = 'TEST_PACKAGE'");
        }
    }

    @Test
    void whenNoRuleMatchesTheEndUserIsRequiredAndNothingWaivesIt() {
        RealNameRequirement requirement =
                RealNamePolicy.evaluate(java.util.List.of(), plan(true, NONE, NONE, false), "13812345678");
        assertThat(requirement.code()).isEqualTo(RealNameRequirement.NO_RULE);
        assertThat(requirement.endUserRequired()).isTrue();
        assertThat(requirement.exceptionKind()).isEqualTo(ExceptionKind.NOT_ALLOWED);
    }

    @Test
    void aRuleMustSayHowARequirementIsWaivedAndPrioritiesAreUnique() {
        assertThatThrownBy(() ->
                        new RealNameRuleDefinition(70, "BAD", null, null, null, null, true, ExceptionKind.NONE_NEEDED))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems()).extracting("field").containsExactly("exceptionKind"));
        assertThatThrownBy(() -> policy.create(
                        new RealNameRuleDefinition(
                                10, "OTHER_TEN", null, null, null, null, false, ExceptionKind.NONE_NEEDED),
                        ADMIN))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems()).extracting("field").containsExactly("priority"));
    }
}
