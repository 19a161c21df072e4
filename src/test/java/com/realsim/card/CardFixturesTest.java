package com.realsim.card;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.approval.CardEligibility;
import com.realsim.approval.CardEligibility.Allowed;
import com.realsim.approval.ExceptionEligibility;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.IssuedLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The shared card fixtures give what they promise, judged by the real modules: other modules' tests (approvals,
 * self-service, orders) rely on them instead of stand-ins, so a fixture that quietly built the wrong card would make
 * their assertions meaningless.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class CardFixturesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ExceptionEligibility eligibility;

    CardFixtures fx;
    long agentId;
    long enterpriseId;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
    }

    CardEligibility asTheAgentSeesIt(String iccid) {
        return RunAs.run(agent(agentId), () -> eligibility.forCard(iccid)).orElseThrow();
    }

    @Test
    void aCardAllowingEachExceptionIsJudgedSoByTheSeededRules() {
        for (Allowed allowed : Allowed.values()) {
            String iccid = fx.cardAllowing(allowed, agentId, enterpriseId);
            CardEligibility card = asTheAgentSeesIt(iccid);
            assertThat(card.allowed()).as(allowed.name()).isEqualTo(allowed);
            assertThat(card.enterpriseId()).isEqualTo(enterpriseId);
            assertThat(fx.view(iccid).state()).isEqualTo(CardState.PENDING_ACTIVATION);
        }
        assertThat(asTheAgentSeesIt(fx.cardAllowing(Allowed.PROVINCIAL_APPROVAL, agentId, enterpriseId))
                        .requirementCode())
                .isEqualTo(CardFixtures.PROVINCIAL_RULE);
    }

    @Test
    void aCardUnderItsOwnRuleChangesWithTheRuleAndNoOtherCardDoes() {
        String code = "OWN_RULE_" + agentId;
        String own = fx.cardUnderOwnRule(code, Allowed.GROUP_APPROVAL, agentId, enterpriseId);
        String neighbour = fx.enterpriseCard(agentId, enterpriseId, "14733", fx.directionalSmsPlan());
        assertThat(asTheAgentSeesIt(own).allowed()).isEqualTo(Allowed.GROUP_APPROVAL);
        assertThat(asTheAgentSeesIt(own).requirementCode()).isEqualTo(code);

        fx.changeOwnRule(code, Allowed.NOT_NEEDED);

        assertThat(asTheAgentSeesIt(own).allowed()).isEqualTo(Allowed.NOT_NEEDED);
        assertThat(fx.view(own).realName().requirement().endUserRequired()).isFalse();
        assertThat(asTheAgentSeesIt(neighbour).requirementCode()).isEqualTo("DEFAULT");
    }

    @Test
    void aFullQuotaRefusesTheNextBindingAtThatOperatorOnly() {
        IdDocument identity = newIdentity();
        fx.fillQuota(identity, Operator.CHINA_UNICOM);
        assertThat(fx.held(Operator.CHINA_UNICOM, identity))
                .isEqualTo(fx.operators.quota(Operator.CHINA_UNICOM).maxCardsPerId());

        String unicom =
                fx.enterpriseCard(agentId, enterpriseId, "138", fx.directionalDataPlan(), Operator.CHINA_UNICOM);
        assertThatThrownBy(() -> fx.bind(agentId, unicom, identity))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED));
        String mobile = fx.enterpriseCard(agentId, enterpriseId);
        assertThat(fx.bind(agentId, mobile, identity).endUser()).isNotNull();
    }

    @Test
    void aSelfServiceLinkAndACancellationGoThroughTheAgentsUseCases() {
        String iccid = fx.cardAllowing(Allowed.PROVINCIAL_APPROVAL, agentId, enterpriseId);
        IssuedLink link = fx.selfServiceLink(agentId, iccid);
        assertThat(link.url()).contains("/s/");

        assertThat(fx.cancel(agentId, iccid).state()).isEqualTo(CardState.CANCELLED);
    }
}
