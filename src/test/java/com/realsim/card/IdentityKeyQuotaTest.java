package com.realsim.card;

import static com.realsim.card.CardFixtures.agent;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.EnterpriseInput;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.identity.BlindIndex;
import com.realsim.identity.BlindIndexMigration;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.DatabaseOwner;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.RunAs;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * One person, one identity key (domain rules, "ID documents"): the documents of one travel permit holder share one
 * one-ID-N-cards quota whatever renewal count or issue letter is printed beside the number; a database keyed the old
 * way (one quota per printed number) is re-keyed by the migrations — once, even when two instances run them at the
 * same moment — and the identities that then hold more than the limit are listed for OPS, with their cards still
 * bound.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class IdentityKeyQuotaTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);

    @Autowired
    ApplicationContext context;

    @Autowired
    EndUserIdentityKeys endUserIdentityKeys;

    @Autowired
    OverLimitIdentities overLimit;

    @Autowired
    OperatorService operators;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    BlindIndex blindIndex;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient sql;

    @Autowired
    Environment environment;

    @Autowired
    MockMvcTester mvc;

    CardFixtures fx;
    long agentId;
    long enterpriseId;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
    }

    static IdDocument document(IdType type, String number) {
        return IdDocument.of(type, number, "idNumber", TODAY);
    }

    String card(Operator operator) {
        return fx.enterpriseCard(agentId, enterpriseId, "130", fx.nonDirectionalDataPlan(), operator);
    }

    static ErrorCode codeOf(Throwable e) {
        return ((DomainException) e).code();
    }

    // --- one person, one quota ------------------------------------------------------------------------------------

    @Test
    void h12345678AndItsRenewalsH1234567801AndH1234567802ShareOneQuota() {
        IdDocument printed = document(IdType.HK_MACAU_PERMIT, "H12345678");
        IdDocument renewed = document(IdType.HK_MACAU_PERMIT, "H1234567801");
        IdDocument renewedAgain = document(IdType.HK_MACAU_PERMIT, "H1234567802");
        int limit = operators.quota(Operator.CHINA_MOBILE).maxCardsPerId();
        List<IdDocument> holders = List.of(printed, renewed, renewedAgain);
        Map<String, IdDocument> boundTo = new LinkedHashMap<>();
        for (int i = 0; i < limit; i++) {
            String iccid = card(Operator.CHINA_MOBILE);
            fx.bind(agentId, iccid, holders.get(i % 3));
            boundTo.put(iccid, holders.get(i % 3));
        }

        for (IdDocument each : holders) {
            assertThat(fx.held(Operator.CHINA_MOBILE, each)).isEqualTo(limit);
        }
        for (IdDocument each : holders) {
            String next = card(Operator.CHINA_MOBILE);
            assertThatThrownBy(() -> fx.bind(agentId, next, each))
                    .isInstanceOf(DomainException.class)
                    .extracting(IdentityKeyQuotaTest::codeOf)
                    .isEqualTo(ErrorCode.QUOTA_EXCEEDED);
        }
        for (Map.Entry<String, IdDocument> bound : boundTo.entrySet()) {
            assertThat(fx.view(bound.getKey()).endUser().idNumber())
                    .as("each card shows the number printed on the document it was bound with, masked")
                    .isEqualTo(bound.getValue().masked());
        }
    }

    @Test
    void aTaiwanPermitsIssueLetterOrCountMakesNoOtherPerson() {
        List<IdDocument> holders = List.of(
                document(IdType.TAIWAN_PERMIT, "87654321"),
                document(IdType.TAIWAN_PERMIT, "87654321(B)"),
                document(IdType.TAIWAN_PERMIT, "8765432101"));
        int limit = operators.quota(Operator.CHINA_TELECOM).maxCardsPerId();
        for (int i = 0; i < limit; i++) {
            fx.bind(agentId, card(Operator.CHINA_TELECOM), holders.get(i % 3));
        }
        String next = card(Operator.CHINA_TELECOM);
        assertThatThrownBy(() -> fx.bind(agentId, next, holders.get(1)))
                .isInstanceOf(DomainException.class)
                .extracting(IdentityKeyQuotaTest::codeOf)
                .isEqualTo(ErrorCode.QUOTA_EXCEEDED);
    }

    @Test
    void rebindingTheSameHolderWithARenewedPermitKeepsTheSlot() {
        String iccid = card(Operator.CHINA_MOBILE);
        String other = card(Operator.CHINA_MOBILE);
        IdDocument first = document(IdType.HK_MACAU_PERMIT, "H2345678901");
        IdDocument renewed = document(IdType.HK_MACAU_PERMIT, "H2345678902");
        fx.bind(agentId, iccid, first);
        fx.bind(agentId, other, first);

        fx.bind(agentId, iccid, renewed);

        assertThat(fx.held(Operator.CHINA_MOBILE, renewed)).isEqualTo(2);
        assertThat(fx.held(Operator.CHINA_MOBILE, first)).isEqualTo(2);
        assertThat(fx.view(iccid).endUser().idNumber()).isEqualTo(renewed.masked());
    }

    // --- re-keying a database keyed the old way -------------------------------------------------------------------

    /** The blind index the previous version computed: over the whole printed number. */
    String oldKey(IdDocument document) {
        return blindIndex.of("id-document", document.type().name() + "|" + document.number());
    }

    @Test
    void aDatabaseKeyedByPrintedNumberIsReKeyedOnceEvenByTwoInstancesAndItsOverLimitIdentitiesListed()
            throws Exception {
        Operator operator = Operator.CHINA_UNICOM;
        String lifelong = "M" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        IdDocument printed = document(IdType.HK_MACAU_PERMIT, lifelong);
        IdDocument renewed = document(IdType.HK_MACAU_PERMIT, lifelong + "01");
        IdDocument renewedAgain = document(IdType.HK_MACAU_PERMIT, lifelong + "02");
        Map<IdDocument, Integer> cardsOf = new LinkedHashMap<>();
        cardsOf.put(printed, 2);
        cardsOf.put(renewed, 3);
        cardsOf.put(renewedAgain, 2);
        int limit = operators.quota(operator).maxCardsPerId();
        IdDocument resident = newIdentity();
        String residentCard = card(operator);
        fx.bind(agentId, residentCard, resident);

        // What the previous version could hold: 2 + 3 + 2 cards, each printed number a person of its own.
        Map<IdDocument, List<String>> iccids = new LinkedHashMap<>();
        operators.setQuota(operator, 20, ADMIN);
        try {
            cardsOf.forEach((document, count) -> {
                for (int i = 0; i < count; i++) {
                    String iccid = card(operator);
                    fx.bind(agentId, iccid, document);
                    iccids.computeIfAbsent(document, d -> new ArrayList<>()).add(iccid);
                }
            });
        } finally {
            operators.setQuota(operator, limit, ADMIN);
        }
        String person = blindIndex.of(printed);
        // The database as it was before V190: the counters written by hand, not yet by the triggers.
        quotaTriggers("DISABLE");
        sql.sql("DELETE FROM identity_quota WHERE operator = ? AND id_bidx = ?")
                .params(operator.name(), person)
                .update();
        iccids.forEach((document, cards) -> {
            sql.sql("""
                            UPDATE card_end_user e SET id_number_bidx = ?
                              FROM card c WHERE c.id = e.card_id AND c.iccid IN (:iccids)""".replace(
                            ":iccids",
                            String.join(
                                    ",", cards.stream().map(i -> "'" + i + "'").toList())))
                    .param(oldKey(document))
                    .update();
            sql.sql("INSERT INTO identity_quota (operator, id_bidx, cards_held) VALUES (?, ?, ?)")
                    .params(operator.name(), oldKey(document), cards.size())
                    .update();
        });
        long enterpriseOfPermitHolder = RunAs.run(
                        CardFixtures.agent(agentId),
                        () -> enterprises.register(new EnterpriseInput(
                                "通行证持有人企业 " + lifelong,
                                CertificateType.USCC,
                                FreshNumbers.uscc(),
                                "福建省福州市鼓楼区五四路 100 号",
                                "陈建国",
                                new EnterpriseInput.PersonInput(
                                        "陈建国",
                                        IdType.HK_MACAU_PERMIT,
                                        renewedAgain.number(),
                                        "香港特别行政区",
                                        true,
                                        null,
                                        null))))
                .id();
        sql.sql("UPDATE responsible_person SET id_number_bidx = ? WHERE enterprise_id = ?")
                .params(oldKey(renewedAgain), enterpriseOfPermitHolder)
                .update();
        assertThat(listed(operator, iccids))
                .as("old keys: 2, 3 and 2 cards, each within the limit")
                .isEmpty();

        // Two instances start at the same moment and both run the re-keying.
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Map<String, String>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(instances.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    together.await(30, TimeUnit.SECONDS);
                    Map<String, String> changed = endUserIdentityKeys.migrate(connection);
                    connection.commit();
                    return changed;
                }
            }));
        }
        List<Map<String, String>> changes = new ArrayList<>();
        for (Future<Map<String, String>> run : runs) {
            changes.add(run.get(120, TimeUnit.SECONDS));
        }
        instances.shutdown();
        quotaTriggers("ENABLE");
        assertThat(changes)
                .as("one run re-keyed the two renewed permits, the other found nothing left to do")
                .anySatisfy(changed -> assertThat(changed)
                        .containsEntry(oldKey(renewed), person)
                        .containsEntry(oldKey(renewedAgain), person))
                .anySatisfy(changed -> assertThat(changed).isEmpty());
        migrate("103");

        assertThat(sql.sql("""
                        SELECT DISTINCT e.id_number_bidx FROM card_end_user e JOIN card c ON c.id = e.card_id
                         WHERE c.iccid IN (:iccids)""".replace(
                                        ":iccids",
                                        String.join(
                                                ",",
                                                iccids.values().stream()
                                                        .flatMap(List::stream)
                                                        .map(i -> "'" + i + "'")
                                                        .toList())))
                        .query(String.class)
                        .list())
                .containsExactly(person);
        assertThat(quotaRows(operator, List.of(person, oldKey(renewed), oldKey(renewedAgain))))
                .as("the three counters added up once, the old ones gone")
                .containsExactly(Map.entry(person, 7));
        assertThat(fx.held(operator, resident))
                .as("other identities are left alone")
                .isEqualTo(1);
        assertThat(sql.sql("SELECT id_number_bidx FROM responsible_person WHERE enterprise_id = ?")
                        .param(enterpriseOfPermitHolder)
                        .query(String.class)
                        .single())
                .isEqualTo(person);

        // Listed for OPS, with every card still bound; it takes no more.
        List<OverLimitIdentities.Identity> listed = listed(operator, iccids);
        assertThat(listed).hasSize(1);
        OverLimitIdentities.Identity identity = listed.get(0);
        assertThat(identity.operator()).isEqualTo(operator);
        assertThat(identity.limit()).isEqualTo(limit);
        assertThat(identity.cardsHeld()).isEqualTo(7);
        assertThat(identity.cards())
                .extracting(OverLimitIdentities.HeldCard::iccid)
                .containsExactlyInAnyOrderElementsOf(
                        iccids.values().stream().flatMap(List::stream).toList());
        assertThat(identity.cards())
                .extracting(OverLimitIdentities.HeldCard::idNumber)
                .containsOnly(printed.masked(), renewed.masked(), renewedAgain.masked())
                .doesNotContain(printed.number(), renewed.number(), renewedAgain.number());
        String eighth = card(operator);
        assertThatThrownBy(() -> fx.bind(agentId, eighth, printed))
                .isInstanceOf(DomainException.class)
                .extracting(IdentityKeyQuotaTest::codeOf)
                .isEqualTo(ErrorCode.QUOTA_EXCEEDED);

        // ... on the page and in the API, for OPS only
        String anIccid = iccids.get(renewed).get(0);
        var page = mvc.get()
                .uri("/over-limit-identities")
                .header("Accept-Language", "en")
                .with(ActorAuthentication.as(CardFixtures.OPS))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Identities over the one-ID-N-cards limit")
                .containsPattern("<a[^>]*href=\"/over-limit-identities\"[^>]*aria-current=\"page\"")
                .contains(anIccid)
                .contains(renewed.masked())
                .contains("Hong Kong/Macau residents&#39; permit")
                .doesNotContain(renewed.number())
                .doesNotContain(person)
                .doesNotContain("??");
        assertThat(mvc.get()
                        .uri("/over-limit-identities")
                        .header("Accept-Language", "zh-CN")
                        .with(ActorAuthentication.as(CardFixtures.OPS)))
                .bodyText()
                .contains("超出一证N卡上限的证件")
                .contains("上限 " + limit)
                .doesNotContain("??");
        var api = mvc.get()
                .uri("/api/v1/over-limit-identities?size=500")
                .with(ActorAuthentication.as(CardFixtures.OPS))
                .exchange();
        assertThat(api).hasStatusOk();
        assertThat(api.getResponse().getContentAsString())
                .contains("\"iccid\":\"" + anIccid + "\"")
                .contains("\"cardsHeld\":7")
                .doesNotContain(renewed.number())
                .doesNotContain(person);
        for (Actor refused : List.of(agent(agentId), CardFixtures.enterpriseAdmin(enterpriseId), ADMIN)) {
            assertThat(mvc.get().uri("/api/v1/over-limit-identities").with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/over-limit-identities").with(ActorAuthentication.as(refused)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }

        assertThat(sql.sql("SELECT version FROM flyway_schema_history WHERE success AND version IN ('103', '104',"
                                + " '105', '106')")
                        .query(String.class)
                        .list())
                .as("Flyway ran every re-keying once when this database was made")
                .containsExactlyInAnyOrder("103", "104", "105", "106");
    }

    @AfterEach
    void quotaTriggersOn() {
        quotaTriggers("ENABLE");
    }

    /** The triggers that keep the one-ID-N-cards counters (V190), switched by the database's owner. */
    void quotaTriggers(String enableOrDisable) {
        JdbcTemplate owner = DatabaseOwner.template(environment);
        owner.execute("ALTER TABLE card_end_user " + enableOrDisable + " TRIGGER USER");
        owner.execute("ALTER TABLE card " + enableOrDisable + " TRIGGER USER");
    }

    /** Runs another module's re-keying, in a transaction of its own. */
    void migrate(String version) throws Exception {
        BlindIndexMigration migration = context.getBeansOfType(BlindIndexMigration.class).values().stream()
                .filter(m -> m.getVersion().equals(MigrationVersion.fromVersion(version)))
                .findFirst()
                .orElseThrow();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            migration.migrate(connection);
            connection.commit();
        }
    }

    List<OverLimitIdentities.Identity> listed(Operator operator, Map<IdDocument, List<String>> iccids) {
        List<String> ours = iccids.values().stream().flatMap(List::stream).toList();
        return RunAs.run(CardFixtures.OPS, () -> overLimit.page(null, 500)).stream()
                .filter(i -> i.operator() == operator)
                .filter(i -> i.cards().stream().anyMatch(c -> ours.contains(c.iccid())))
                .toList();
    }

    Map<String, Integer> quotaRows(Operator operator, List<String> keys) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String key : keys) {
            sql.sql("SELECT cards_held FROM identity_quota WHERE operator = ? AND id_bidx = ?")
                    .params(operator.name(), key)
                    .query(Integer.class)
                    .optional()
                    .ifPresent(held -> rows.put(key, held));
        }
        return rows;
    }
}
