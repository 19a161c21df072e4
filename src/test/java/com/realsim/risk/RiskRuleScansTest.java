package com.realsim.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.CardFixtures;
import com.realsim.card.CardTestConfiguration;
import com.realsim.card.EndUserService;
import com.realsim.identity.BarSubject;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.identity.NewBar;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderInput;
import com.realsim.order.OrderType;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Every rule's statement with data just inside and just outside its threshold, made through the real modules (cards
 * imported, handed over, activated, used, bound; orders submitted; bars recorded). Each rule is applied at a chosen
 * instant with chosen parameters, exactly as a scan applies it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class RiskRuleScansTest {

    static final Duration SECOND = Duration.ofSeconds(1);

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    BarredIdentities bars;

    @Autowired
    EndUserService endUsers;

    RiskFixtures risk;
    CardFixtures cards;
    long agentId;
    long enterpriseId;

    @BeforeEach
    void tenant() {
        risk = new RiskFixtures(context);
        cards = risk.cards;
        agentId = CardFixtures.newAgent();
        enterpriseId = cards.verifiedEnterprise(agentId);
    }

    @Test
    void sleepingCardAfterDaysWithoutUse() {
        String iccid = cards.activeDataCard(agentId, enterpriseId);
        risk.used(iccid, risk.today(), 10, 0, 0, null);
        Instant lastUse = cards.view(iccid).lastUsageAt();
        Map<String, Integer> days = Map.of("days", 90);

        risk.apply(
                RuleCode.SLEEPING_CARD, days, lastUse.plus(Duration.ofDays(90)).minus(SECOND));
        assertThat(risk.cardAlert(RuleCode.SLEEPING_CARD, iccid))
                .as("one second short of 90 days")
                .isEmpty();

        risk.apply(RuleCode.SLEEPING_CARD, days, lastUse.plus(Duration.ofDays(90)));
        assertThat(risk.cardAlert(RuleCode.SLEEPING_CARD, iccid)).hasValueSatisfying(alert -> {
            assertThat(alert.status()).isEqualTo("OPEN");
            assertThat(alert.evidence()).contains(iccid, "\"days\": 90");
            assertThat(alert.cards()).isEqualTo(1);
        });

        String neverUsed = cards.activeDataCard(agentId, enterpriseId);
        risk.apply(RuleCode.SLEEPING_CARD, days, lastUse.plus(Duration.ofDays(400)));
        assertThat(risk.cardAlert(RuleCode.SLEEPING_CARD, neverUsed))
                .as("never used: silent, not sleeping")
                .isEmpty();
    }

    @Test
    void silentCardActiveWithoutAnyUse() {
        String iccid = cards.activeDataCard(agentId, enterpriseId);
        Instant activated = cards.view(iccid).activatedAt();
        String used = cards.activeDataCard(agentId, enterpriseId);
        risk.used(used, risk.today(), 1, 0, 0, null);
        Map<String, Integer> days = Map.of("days", 30);

        risk.apply(
                RuleCode.SILENT_CARD, days, activated.plus(Duration.ofDays(30)).minus(SECOND));
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, iccid)).isEmpty();

        risk.apply(RuleCode.SILENT_CARD, days, activated.plus(Duration.ofDays(30)));
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, iccid)).isPresent();
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, used)).as("used once").isEmpty();
    }

    @Test
    void oneIdentityWithManyCards() {
        IdDocument person = CardFixtures.newIdentity();
        List<String> held = cards.enterpriseCards(3, "138", cards.nonDirectionalDataPlan(), agentId, enterpriseId);
        cards.bind(agentId, held.get(0), person);
        cards.bind(agentId, held.get(1), person);
        String key = cards.quotaKey(person);
        Map<String, Integer> three = Map.of("cards", 3);

        risk.apply(RuleCode.ONE_ID_MANY_CARDS, three, clock.instant());
        assertThat(risk.alert(RuleCode.ONE_ID_MANY_CARDS, "IDENTITY", key))
                .as("2 cards")
                .isEmpty();

        cards.bind(agentId, held.get(2), person);
        risk.apply(RuleCode.ONE_ID_MANY_CARDS, three, clock.instant());
        assertThat(risk.alert(RuleCode.ONE_ID_MANY_CARDS, "IDENTITY", key)).hasValueSatisfying(alert -> {
            assertThat(alert.cards()).isEqualTo(3);
            assertThat(alert.evidence())
                    .contains("\"cards\": 3", person.masked())
                    .doesNotContain(person.number());
        });
    }

    @Test
    void identityAcrossEnterprises() {
        IdDocument person = CardFixtures.newIdentity();
        String key = cards.quotaKey(person);
        for (int i = 0; i < 2; i++) {
            long enterprise = cards.verifiedEnterprise(agentId);
            cards.bind(
                    agentId, cards.enterpriseCard(agentId, enterprise, "138", cards.nonDirectionalDataPlan()), person);
        }
        Map<String, Integer> three = Map.of("enterprises", 3);
        risk.apply(RuleCode.IDENTITY_ACROSS_ENTERPRISES, three, clock.instant());
        assertThat(risk.alert(RuleCode.IDENTITY_ACROSS_ENTERPRISES, "IDENTITY", key))
                .isEmpty();

        long third = cards.verifiedEnterprise(agentId);
        cards.bind(agentId, cards.enterpriseCard(agentId, third, "138", cards.nonDirectionalDataPlan()), person);
        risk.apply(RuleCode.IDENTITY_ACROSS_ENTERPRISES, three, clock.instant());
        assertThat(risk.alert(RuleCode.IDENTITY_ACROSS_ENTERPRISES, "IDENTITY", key))
                .hasValueSatisfying(alert -> assertThat(alert.evidence()).contains("\"enterprises\": 3"));
    }

    @Test
    void machineCardSeparation() {
        String separated = cards.enterpriseCard(agentId, enterpriseId, "138", cards.devicePlan());
        cards.activate(separated);
        String faithful = cards.enterpriseCard(agentId, enterpriseId, "138", cards.devicePlan());
        cards.activate(faithful);
        risk.used(separated, risk.today().minusDays(1), 5, 0, 0, "356938035643809");
        risk.used(separated, risk.today(), 5, 0, 0, "490154203237518");
        risk.used(faithful, risk.today().minusDays(1), 5, 0, 0, "356938035643809");
        risk.used(faithful, risk.today(), 5, 0, 0, "356938035643809");

        risk.apply(RuleCode.MACHINE_CARD_SEPARATION, Map.of(), clock.instant());
        assertThat(risk.cardAlert(RuleCode.MACHINE_CARD_SEPARATION, separated))
                .hasValueSatisfying(alert -> assertThat(alert.evidence())
                        .contains("35693803****809", "49015420****518")
                        .doesNotContain("490154203237518"));
        assertThat(risk.cardAlert(RuleCode.MACHINE_CARD_SEPARATION, faithful)).isEmpty();
    }

    @Test
    void outOfProfileUse() {
        String sms = cards.activeDataCard(agentId, enterpriseId);
        String voice = cards.activeDataCard(agentId, enterpriseId);
        String dataOnly = cards.activeDataCard(agentId, enterpriseId);
        risk.used(sms, risk.today(), 10, 1, 0, null);
        risk.used(voice, risk.today(), 10, 0, 1, null);
        risk.used(dataOnly, risk.today(), 10_000_000, 0, 0, null, 0L);
        String nonDirectional = cards.activeDataCard(agentId, enterpriseId);
        risk.used(nonDirectional, risk.today(), 10, 0, 0, null, 1L);

        risk.apply(RuleCode.OUT_OF_PROFILE_USE, Map.of("factor", 3), clock.instant());
        assertThat(risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, sms))
                .hasValueSatisfying(alert -> assertThat(alert.evidence()).contains("SMS"));
        assertThat(risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, voice))
                .hasValueSatisfying(alert -> assertThat(alert.evidence()).contains("VOICE"));
        assertThat(risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, nonDirectional))
                .as("non-directional traffic on a directional plan")
                .hasValueSatisfying(alert -> assertThat(alert.evidence()).contains("NON_DIRECTIONAL_DATA"));
        assertThat(risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, dataOnly))
                .as("data on a data plan, with no expected traffic on record")
                .isEmpty();
    }

    @Test
    void outOfProfileDataAboveTheOrdersExpectedTraffic() {
        OrderFixtures orderFixtures = new OrderFixtures(context);
        Actor agent = OrderFixtures.agent(agentId);
        List<String> iccids = orderFixtures.inventory(2, cards.directionalDataPlan());
        OrderView order = orderFixtures.submit(agent, OrderFixtures.newInstall(enterpriseId, iccids));
        orderFixtures.throughComparison(agent, order.id());
        iccids.forEach(cards::activate);
        long expectedKb = OrderFixtures.device().expectedMonthlyTrafficMb() * 1024L;
        risk.used(iccids.get(0), risk.today(), 3 * expectedKb, 0, 0, null);
        risk.used(iccids.get(1), risk.today(), 3 * expectedKb + 1, 0, 0, null);

        risk.apply(RuleCode.OUT_OF_PROFILE_USE, Map.of("factor", 3), clock.instant());
        assertThat(risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, iccids.get(0)))
                .as("exactly 3 x expected")
                .isEmpty();
        assertThat(risk.cardAlert(RuleCode.OUT_OF_PROFILE_USE, iccids.get(1)))
                .hasValueSatisfying(alert -> assertThat(alert.evidence()).contains("DATA_ABOVE_EXPECTED"));
    }

    @Test
    void handsetUseByTypeAllocationCode() {
        RunAs.run(CardFixtures.ADMIN, () -> risk.rules.importHandsetTacs("tac,model\n35332509,Phone X\n"));
        String handset = cards.activeDataCard(agentId, enterpriseId);
        String module = cards.activeDataCard(agentId, enterpriseId);
        risk.used(handset, risk.today(), 10, 0, 0, "353325091234567");
        risk.used(module, risk.today(), 10, 0, 0, "353325101234567");

        risk.apply(RuleCode.HANDSET_USE, Map.of(), clock.instant());
        assertThat(risk.cardAlert(RuleCode.HANDSET_USE, handset))
                .hasValueSatisfying(alert -> assertThat(alert.evidence()).contains("Phone X", "35332509****567"));
        assertThat(risk.cardAlert(RuleCode.HANDSET_USE, module))
                .as("TAC 35332510 is no handset's")
                .isEmpty();
    }

    @Test
    void handlerOnOrdersOfManyEnterprisesWithinDays() {
        OrderFixtures orderFixtures = new OrderFixtures(context);
        Actor agent = OrderFixtures.agent(agentId);
        IdDocument handler = CardFixtures.newIdentity();
        Instant submitted = clock.instant();
        for (int i = 0; i < 3; i++) {
            long enterprise = cards.verifiedEnterprise(agentId);
            OrderInput.HandlerInput input = new OrderInput.HandlerInput(
                    "赵六",
                    IdType.RESIDENT_ID,
                    handler.number(),
                    "湖北省武汉市江岸区解放大道 2 号",
                    risk.today().plusYears(1));
            orderFixtures.submit(
                    agent,
                    new OrderInput(
                            OrderType.NEW_INSTALL,
                            enterprise,
                            orderFixtures.inventory(1, cards.directionalDataPlan()),
                            input,
                            OrderFixtures.device(),
                            null,
                            null,
                            null));
        }
        String key = cards.quotaKey(handler);

        risk.apply(RuleCode.HANDLER_VELOCITY, Map.of("enterprises", 4, "days", 7), submitted);
        assertThat(risk.alert(RuleCode.HANDLER_VELOCITY, "IDENTITY", key))
                .as("3 enterprises, 4 needed")
                .isEmpty();

        risk.apply(RuleCode.HANDLER_VELOCITY, Map.of("enterprises", 3, "days", 7), submitted.plus(Duration.ofDays(7)));
        assertThat(risk.alert(RuleCode.HANDLER_VELOCITY, "IDENTITY", key))
                .as("7 days later")
                .isEmpty();

        risk.apply(
                RuleCode.HANDLER_VELOCITY,
                Map.of("enterprises", 3, "days", 7),
                submitted.plus(Duration.ofDays(7)).minus(SECOND));
        assertThat(risk.alert(RuleCode.HANDLER_VELOCITY, "IDENTITY", key)).hasValueSatisfying(alert -> {
            assertThat(alert.evidence()).contains("\"enterprises\": 3").doesNotContain(handler.number());
            assertThat(alert.cards()).isEqualTo(3);
        });
    }

    @Test
    void oneAccountBindingManyIdentitiesWithinHours() {
        Actor account = CardFixtures.agent(agentId);
        List<String> iccids = cards.enterpriseCards(3, "138", cards.nonDirectionalDataPlan(), agentId, enterpriseId);
        bindAs(account, iccids.get(0));
        bindAs(account, iccids.get(1));
        String key = agentId + ":" + account.name();

        risk.apply(RuleCode.BINDING_VELOCITY, Map.of("identities", 3, "hours", 1), clock.instant());
        assertThat(risk.alert(RuleCode.BINDING_VELOCITY, "ACCOUNT", key))
                .as("2 identities")
                .isEmpty();

        clock.advance(Duration.ofMinutes(59));
        bindAs(account, iccids.get(2));
        clock.advance(Duration.ofMinutes(2));
        risk.apply(RuleCode.BINDING_VELOCITY, Map.of("identities", 3, "hours", 1), clock.instant());
        assertThat(risk.alert(RuleCode.BINDING_VELOCITY, "ACCOUNT", key))
                .as("3 within 59 minutes")
                .hasValueSatisfying(alert -> {
                    assertThat(alert.cards()).isEqualTo(3);
                    assertThat(alert.evidence()).contains("\"identities\": 3");
                });

        long otherAgent = CardFixtures.newAgent();
        Actor other = CardFixtures.agent(otherAgent);
        long otherEnterprise = cards.verifiedEnterprise(otherAgent);
        for (String iccid :
                cards.enterpriseCards(3, "138", cards.nonDirectionalDataPlan(), otherAgent, otherEnterprise)) {
            bindAs(other, iccid);
            clock.advance(Duration.ofMinutes(31));
        }
        risk.apply(RuleCode.BINDING_VELOCITY, Map.of("identities", 3, "hours", 1), clock.instant());
        assertThat(risk.alert(RuleCode.BINDING_VELOCITY, "ACCOUNT", otherAgent + ":" + other.name()))
                .as("3 bindings over 62 minutes, never 3 within an hour")
                .isEmpty();
    }

    private void bindAs(Actor agent, String iccid) {
        RunAs.run(agent, () -> endUsers.bind(iccid, CardFixtures.details(CardFixtures.newIdentity())));
    }

    @Test
    void cardsHeldByABarredPerson() {
        IdDocument barredNow = CardFixtures.newIdentity();
        IdDocument barredFromTomorrow = CardFixtures.newIdentity();
        List<String> iccids = cards.enterpriseCards(2, "138", cards.nonDirectionalDataPlan(), agentId, enterpriseId);
        cards.bind(agentId, iccids.get(0), barredNow);
        cards.bind(agentId, iccids.get(1), barredFromTomorrow);
        bar(barredNow, risk.today());
        bar(barredFromTomorrow, risk.today().plusDays(1));

        risk.apply(RuleCode.BARRED_IDENTITY, Map.of(), clock.instant());
        assertThat(risk.cardAlert(RuleCode.BARRED_IDENTITY, iccids.get(0)))
                .hasValueSatisfying(alert -> assertThat(alert.evidence()).contains("PERSON", "闽公通"));
        assertThat(risk.cardAlert(RuleCode.BARRED_IDENTITY, iccids.get(1)))
                .as("not in force yet")
                .isEmpty();

        risk.apply(RuleCode.BARRED_IDENTITY, Map.of(), clock.instant().plus(Duration.ofDays(1)));
        assertThat(risk.cardAlert(RuleCode.BARRED_IDENTITY, iccids.get(1))).isPresent();
    }

    @Test
    void sharedAddressCountsDistinctIdentitiesByTheAddresssBlindIndex() {
        String street = "福建省福州市鼓楼区五四路 " + System.nanoTime() % 1_000_000 + " 号 A 座";
        // the same address as people type it: full-width digits and letters, spaces, case
        String fullWidth =
                street.replace(" ", "　").replace("A", "Ａ").replace("1", "１").replace("2", "２");
        String squeezed = street.replace(" ", "").replace("A", "a");
        List<String> iccids = cards.enterpriseCards(6, "138", cards.nonDirectionalDataPlan(), agentId, enterpriseId);
        IdDocument twice = CardFixtures.newIdentity();
        cards.bind(agentId, iccids.get(0), twice, street);
        cards.bind(agentId, iccids.get(1), twice, fullWidth);
        cards.bind(agentId, iccids.get(2), CardFixtures.newIdentity(), squeezed);
        cards.bind(agentId, iccids.get(3), CardFixtures.newIdentity(), street);
        cards.bind(agentId, iccids.get(4), CardFixtures.newIdentity(), fullWidth);
        String key = context.getBean(com.realsim.identity.BlindIndex.class).ofAddress(street);
        Map<String, Integer> five = Map.of("identities", 5);

        risk.apply(RuleCode.SHARED_ADDRESS, five, clock.instant());
        assertThat(risk.alert(RuleCode.SHARED_ADDRESS, "ADDRESS", key))
                .as("4 distinct identities on 5 cards")
                .isEmpty();

        IdDocument fifth = CardFixtures.newIdentity();
        cards.bind(agentId, iccids.get(5), fifth, squeezed.toUpperCase(java.util.Locale.ROOT));
        risk.apply(RuleCode.SHARED_ADDRESS, five, clock.instant());
        assertThat(risk.alert(RuleCode.SHARED_ADDRESS, "ADDRESS", key)).hasValueSatisfying(alert -> {
            assertThat(alert.status()).isEqualTo("OPEN");
            assertThat(alert.cards()).isEqualTo(6);
            assertThat(alert.evidence())
                    .contains("\"identities\": 5", "\"threshold\": 5", "福建省福州市****", fifth.masked())
                    .doesNotContain(fifth.number(), "五四路");
        });
        assertThat(key).as("a keyed index, not the address").hasSize(64).doesNotContain("五四路");
    }

    private void bar(IdDocument person, java.time.LocalDate from) {
        RunAs.run(
                OrderFixtures.ops(),
                () -> bars.record(new NewBar(
                        BarSubject.PERSON,
                        IdType.RESIDENT_ID,
                        person.number(),
                        null,
                        "闽公通〔2026〕18号",
                        from,
                        from.plusYears(2),
                        "出租电话卡")));
    }
}
