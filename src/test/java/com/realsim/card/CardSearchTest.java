package com.realsim.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.enterprise.EnterpriseService;
import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The card list's search (page and Partner API): an ICCID's last digits, an IMSI, a blocking reason, an enterprise,
 * the end user's full ID through its blind index — each within the caller's tenant (another tenant's cards are not
 * found) — and enterprises by USCC.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CardSearchTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    EnterpriseService enterprises;

    CardFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
    }

    @Test
    void theLastDigitsOfAnIccidAndAWholeImsiFindTheCard() {
        long agent = CardFixtures.newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        String iccid = fx.enterpriseCard(agent, enterprise, "138", fx.directionalDataPlan());
        String other = fx.enterpriseCard(agent, enterprise, "138", fx.directionalDataPlan());
        Actor me = CardFixtures.agent(agent);
        String imsi = fx.view(iccid).imsi();

        assertThat(mvc.get()
                        .uri("/api/v1/cards?q={q}", iccid.substring(iccid.length() - 6))
                        .with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .contains(iccid)
                .doesNotContain(other);
        assertThat(mvc.get().uri("/api/v1/cards?q={q}", imsi).with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .containsExactly(iccid);
        assertThat(mvc.get()
                        .uri("/cards?q={q}", iccid.substring(iccid.length() - 6))
                        .with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyText()
                .contains(iccid)
                .doesNotContain(other);
    }

    @Test
    void theRealNameFilterListsWhatTheDashboardsCount() {
        long agent = CardFixtures.newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        String complete = fx.activeDataCard(agent, enterprise);
        String waitingForReview = fx.enterpriseCard(agent, enterprise);
        fx.bind(agent, waitingForReview, CardFixtures.newIdentity());
        String inventory = fx.inventoryCard("138", fx.directionalDataPlan());
        String othersIncomplete = fx.enterpriseCard(CardFixtures.newAgent(), fx.verifiedEnterprise(agent));
        Actor me = CardFixtures.agent(agent);

        assertThat(mvc.get().uri("/api/v1/cards?realName=INCOMPLETE").with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .containsExactly(waitingForReview);
        assertThat(mvc.get().uri("/api/v1/cards?realName=COMPLETE").with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .containsExactly(complete);
        assertThat(mvc.get()
                        .uri("/cards?realName=INCOMPLETE&enterprise={e}", enterprise)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyText()
                .contains(waitingForReview)
                .doesNotContain(complete, inventory, othersIncomplete);
        assertThat(mvc.get().uri("/api/v1/cards?realName=MAYBE").with(ActorAuthentication.as(me)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aBlockingReasonAndAnEnterpriseFilterTheListWhichNamesThemReadably() {
        long agent = CardFixtures.newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        long otherEnterprise = fx.verifiedEnterprise(agent);
        String stopped = fx.activeDataCard(agent, enterprise);
        String working = fx.activeDataCard(agent, enterprise);
        String elsewhere = fx.activeDataCard(agent, otherEnterprise);
        Actor me = CardFixtures.agent(agent);
        RunAs.run(me, () -> context.getBean(CardService.class).suspend(stopped, "customer asked"));
        String name =
                RunAs.run(CardFixtures.OPS, () -> enterprises.name(enterprise).orElseThrow());

        assertThat(mvc.get()
                        .uri("/api/v1/cards?reason=CUSTOMER_REQUEST&enterpriseId={e}", enterprise)
                        .with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.items[*].iccid")
                            .asArray()
                            .containsExactly(stopped);
                    assertThat(json)
                            .extractingPath("$.items[0].blockingReasons")
                            .asArray()
                            .containsExactly("CUSTOMER_REQUEST");
                    assertThat(json).extractingPath("$.items[0].enterpriseName").isEqualTo(name);
                });
        assertThat(mvc.get()
                        .uri("/cards?enterprise={e}", enterprise)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyText()
                .contains(stopped, working, name, "Stopped at the customer", "Complete")
                .doesNotContain(elsewhere, ">CUSTOMER_REQUEST<");
        assertThat(mvc.get()
                        .uri("/cards?reason=CUSTOMER_REQUEST&enterprise={e}", enterprise)
                        .header("Accept-Language", "zh")
                        .with(ActorAuthentication.as(me)))
                .hasStatusOk()
                .bodyText()
                .contains(stopped)
                .doesNotContain(working, ">CUSTOMER_REQUEST<");
    }

    @Test
    void theEndUsersFullIdFindsTheirCardsWithinTheCallersTenantOnly() {
        long agent = CardFixtures.newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        long otherAgent = CardFixtures.newAgent();
        long otherEnterprise = fx.verifiedEnterprise(otherAgent);
        IdDocument person = CardFixtures.newIdentity();
        String mine = fx.enterpriseCard(agent, enterprise, "138", fx.nonDirectionalDataPlan());
        String theirs = fx.enterpriseCard(otherAgent, otherEnterprise, "138", fx.nonDirectionalDataPlan());
        String unbound = fx.enterpriseCard(agent, enterprise, "138", fx.nonDirectionalDataPlan());
        fx.bind(agent, mine, person);
        fx.bind(otherAgent, theirs, person);

        String uri = "/api/v1/cards?endUserIdType=RESIDENT_ID&endUserIdNumber={n}";
        assertThat(mvc.get().uri(uri, person.number()).with(ActorAuthentication.as(CardFixtures.agent(agent))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .containsExactly(mine);
        assertThat(mvc.get()
                        .uri(uri, person.number())
                        .with(ActorAuthentication.as(CardFixtures.enterpriseAdmin(otherEnterprise))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .containsExactly(theirs);
        assertThat(mvc.get()
                        .uri(uri, person.number())
                        .with(ActorAuthentication.as(CardFixtures.enterpriseAdmin(enterprise + 100_000))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri(uri, person.number()).with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].iccid")
                .asArray()
                .containsExactlyInAnyOrder(mine, theirs)
                .doesNotContain(unbound);
        // the whole number, checked like a binding's: a wrong check digit (never the right one by chance)
        String wrongCheckDigit =
                person.number().substring(0, 17) + (person.number().endsWith("0") ? "1" : "0");
        assertThat(mvc.get().uri(uri, wrongCheckDigit).with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("INVALID_ID_NUMBER");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("endUserIdNumber");
                });
        assertThat(mvc.get().uri("/api/v1/cards?endUserIdType=RESIDENT_ID").with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("endUserIdNumber");
        assertThat(mvc.get().uri(uri, person.number()).with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void thePageSearchesTheIdByPostAndShowsItMaskedOnly() {
        long agent = CardFixtures.newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        IdDocument person = CardFixtures.newIdentity();
        String mine = fx.enterpriseCard(agent, enterprise, "138", fx.nonDirectionalDataPlan());
        String notTheirs = fx.enterpriseCard(agent, enterprise, "138", fx.nonDirectionalDataPlan());
        fx.bind(agent, mine, person);

        assertThat(mvc.post()
                        .uri("/cards/search")
                        .with(csrf())
                        .param("idType", "RESIDENT_ID")
                        .param("idNumber", person.number())
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(CardFixtures.agent(agent))))
                .hasStatusOk()
                .bodyText()
                .contains(mine, person.toString())
                .doesNotContain(notTheirs, person.number());
        assertThat(mvc.post()
                        .uri("/cards/search")
                        .with(csrf())
                        .param("idType", "RESIDENT_ID")
                        .param("idNumber", person.number())
                        .with(ActorAuthentication.as(CardFixtures.agent(CardFixtures.newAgent()))))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(mine);
        assertThat(mvc.post()
                        .uri("/cards/search")
                        .with(csrf())
                        .param("idType", "RESIDENT_ID")
                        .param("idNumber", "12345")
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(CardFixtures.agent(agent))))
                .hasStatusOk()
                .bodyText()
                .contains("is-invalid")
                .doesNotContain(mine, "??");
        assertThat(mvc.post()
                        .uri("/cards/search")
                        .with(csrf())
                        .param("idType", "RESIDENT_ID")
                        .param("idNumber", person.number())
                        .with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void enterprisesAreFoundByTheirWholeUscc() {
        long agent = CardFixtures.newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        fx.verifiedEnterprise(agent);
        String code =
                RunAs.run(CardFixtures.OPS, () -> enterprises.get(enterprise).certificateNumber());

        assertThat(mvc.get()
                        .uri("/api/v1/enterprises?uscc={c}", code)
                        .with(ActorAuthentication.as(CardFixtures.agent(agent))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[*].id")
                .asArray()
                .containsExactly(Math.toIntExact(enterprise));
        assertThat(mvc.get()
                        .uri("/api/v1/enterprises?uscc={c}", code)
                        .with(ActorAuthentication.as(CardFixtures.agent(CardFixtures.newAgent()))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/enterprises?uscc=123").with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("uscc");
        assertThat(mvc.get().uri("/enterprises?uscc={c}", code).with(ActorAuthentication.as(CardFixtures.agent(agent))))
                .hasStatusOk()
                .bodyText()
                .contains("/enterprises/" + enterprise + "\"");
    }
}
