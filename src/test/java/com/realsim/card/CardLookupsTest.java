package com.realsim.card;

import static com.realsim.card.CardFixtures.OPS;
import static com.realsim.card.CardFixtures.csv;
import static com.realsim.card.CardFixtures.iccid;
import static com.realsim.card.CardFixtures.msisdn;
import static com.realsim.card.CardFixtures.newAgent;
import static com.realsim.card.CardFixtures.newOrder;
import static com.realsim.card.CardFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.realsim.card.inventory.CardImportResult;
import com.realsim.card.inventory.CardImportService;
import com.realsim.card.inventory.RejectedLine;
import com.realsim.testsupport.RunAs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The card's platform-wide unique values live in lookup tables keyed by the value (V371, docs/scaling.md "Global
 * uniqueness"): {@code card_iccid} holds every card's ICCID, {@code card_msisdn_live} the number of every card that is
 * not cancelled. Each path that creates a card, cancels it or hands its place to another card keeps them exactly in
 * step with {@code card}, in its own transaction; a duplicate still fails as the old unique indexes failed.
 */
@SpringBootTest
class CardLookupsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CardImportService imports;

    @Autowired
    CardsForOrders orders;

    @Autowired
    CardService cards;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    CardFixtures fx;
    String plan;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        plan = fx.directionalDataPlan();
    }

    /** What the lookups hold for a card: its ICCID's owner and its number's live owner (null when none). */
    Map<String, Object> lookups(String iccid) {
        return jdbc.queryForMap("""
                SELECT c.id,
                       (SELECT l.card_id FROM card_iccid l WHERE l.iccid = c.iccid) AS iccid_owner,
                       (SELECT l.card_id FROM card_msisdn_live l WHERE l.msisdn = c.msisdn) AS number_owner
                  FROM card c WHERE c.iccid = ?""", iccid);
    }

    /** The rows of either lookup that disagree with card, anywhere: none, whatever ran before. */
    long disagreements() {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM card c FULL JOIN card_iccid l ON l.card_id = c.id
                         WHERE c.id IS NULL OR l.card_id IS NULL OR l.iccid <> c.iccid)
                     + (SELECT count(*) FROM (SELECT * FROM card WHERE state <> 'CANCELLED') c
                          FULL JOIN card_msisdn_live l ON l.card_id = c.id
                         WHERE c.id IS NULL OR l.card_id IS NULL OR l.msisdn <> c.msisdn)""", Long.class);
    }

    void ownsBoth(String iccid) {
        Map<String, Object> card = lookups(iccid);
        assertThat(card.get("iccid_owner")).isEqualTo(card.get("id"));
        assertThat(card.get("number_owner")).isEqualTo(card.get("id"));
    }

    @Test
    void importedCardsHoldTheirIccidAndNumberAndACancelledCardsNumberMayBeIssuedAgainButNeverItsIccid() {
        long agent = newAgent();
        long enterprise = fx.verifiedEnterprise(agent);
        String card = fx.activeDataCard(agent, enterprise);
        ownsBoth(card);
        String number = fx.view(card).msisdn();

        RunAs.run(OPS, () -> cards.cancel(card, "lost"));

        assertThat(lookups(card).get("iccid_owner")).isEqualTo(lookups(card).get("id"));
        assertThat(lookups(card).get("number_owner"))
                .as("a cancelled card's number is free")
                .isNull();
        String reissued = iccid();
        CardImportResult again = imports.importNow(
                csv(List.of(
                        row(reissued, number, "CHINA_MOBILE", plan), row(card, msisdn("149"), "CHINA_MOBILE", plan))),
                "reissue.csv",
                OPS);
        assertThat(again.imported()).isOne();
        assertThat(again.rejected())
                .extracting(RejectedLine::line, RejectedLine::code, RejectedLine::messageKey)
                .containsExactly(tuple(3L, "DUPLICATE_ICCID", "card.import.iccidInInventory"));
        ownsBoth(reissued);
        assertThat(disagreements()).isZero();
    }

    @Test
    void aTransferKeepsTheLookupsAndAReplacementFreesOnlyTheOldCardsNumber() {
        long agent = newAgent();
        long from = fx.verifiedEnterprise(agent);
        long to = fx.verifiedEnterprise(agent);
        String old = fx.activeDataCard(agent, from);
        orders.transfer(List.of(old), to, newOrder());
        ownsBoth(old);
        String fresh = fx.inventoryCard("138", plan);

        orders.replace(old, fresh, newOrder());

        ownsBoth(fresh);
        assertThat(lookups(old).get("iccid_owner")).isEqualTo(lookups(old).get("id"));
        assertThat(lookups(old).get("number_owner")).isNull();
        assertThat(disagreements()).isZero();
    }

    @Test
    void aLineWhoseNumberIsTakenGivesItsIccidBackToALaterLineWithTheSameIccid() {
        String taken = fx.view(fx.inventoryCard("138", plan)).msisdn();
        String repeated = iccid();
        String freeNumber = msisdn("149");

        CardImportResult result = imports.importNow(
                csv(List.of(
                        row(repeated, taken, "CHINA_MOBILE", plan), // line 2: number in use
                        row(repeated, freeNumber, "CHINA_MOBILE", plan))), // 3: same ICCID, a free number
                "give-back.csv",
                OPS);

        assertThat(result.rejected())
                .extracting(RejectedLine::line, RejectedLine::code, RejectedLine::messageKey)
                .containsExactly(tuple(2L, "DUPLICATE_ICCID", "card.import.iccidRepeated"));
        assertThat(result.imported()).isOne();
        assertThat(fx.view(repeated).msisdn()).isEqualTo(freeNumber);
        ownsBoth(repeated);
        assertThat(disagreements()).isZero();
    }

    @Test
    void twoImportsMeetingOnOneIccidEndWithOneCardAndTheLaterLineRejectedAsADuplicate() throws Exception {
        String shared = iccid();
        List<List<String>> files = List.of(
                List.of(
                        row(iccid(), msisdn("149"), "CHINA_MOBILE", plan),
                        row(shared, msisdn("149"), "CHINA_MOBILE", plan)),
                List.of(
                        row(shared, msisdn("149"), "CHINA_MOBILE", plan),
                        row(iccid(), msisdn("149"), "CHINA_MOBILE", plan)));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<CardImportResult>> both = files.stream()
                    .<Callable<CardImportResult>>map(rows -> () -> {
                        start.await();
                        return imports.importNow(csv(rows), "meeting.csv", OPS);
                    })
                    .toList();
            List<CardImportResult> results = pool.invokeAll(both, 120, TimeUnit.SECONDS).stream()
                    .map(future -> {
                        try {
                            return future.get();
                        } catch (Exception e) {
                            throw new AssertionError("an import failed instead of rejecting the duplicate", e);
                        }
                    })
                    .toList();
            assertThat(results.stream().mapToLong(CardImportResult::imported).sum())
                    .isEqualTo(3);
            assertThat(results.stream().flatMap(r -> r.rejected().stream()))
                    .extracting(RejectedLine::code, RejectedLine::messageKey)
                    .containsExactly(tuple("DUPLICATE_ICCID", "card.import.iccidInInventory"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM card WHERE iccid = ?", Long.class, shared))
                .isOne();
        ownsBoth(shared);
        assertThat(disagreements()).isZero();
    }

    @Test
    void aDuplicateWrittenBySqlFailsOnTheOldIndexNamesAndUnCancellingOverAReissuedNumberFails() {
        String card = fx.inventoryCard("138", plan);
        String number = fx.view(card).msisdn();
        String insert = "INSERT INTO card (iccid, msisdn, imsi, operator, plan_id, state)"
                + " SELECT ?, ?, imsi, operator, plan_id, 'INVENTORY' FROM card WHERE iccid = ?";

        assertThatThrownBy(() -> jdbc.update(insert, card, msisdn("149"), card))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("card_iccid_uk");
        assertThatThrownBy(() -> jdbc.update(insert, iccid(), number, card))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("card_msisdn_live_uk");

        // cancelled by hand, its number issued again, then un-cancelled by hand: the number is another card's
        long agent = newAgent();
        String cancelled = fx.activeDataCard(agent, fx.verifiedEnterprise(agent));
        String cancelledNumber = fx.view(cancelled).msisdn();
        RunAs.run(OPS, () -> cards.cancel(cancelled, "lost"));
        String reissued = iccid();
        jdbc.update(insert, reissued, cancelledNumber, card);
        ownsBoth(reissued);
        assertThatThrownBy(() ->
                        jdbc.update("UPDATE card SET state = 'ACTIVE', cancelled_at = NULL WHERE iccid = ?", cancelled))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("card_msisdn_live_uk");

        // a number changed by SQL moves with the card
        String changed = msisdn("149");
        transactions.executeWithoutResult(
                status -> jdbc.update("UPDATE card SET msisdn = ? WHERE iccid = ?", changed, reissued));
        assertThat(jdbc.queryForObject(
                        "SELECT c.iccid FROM card_msisdn_live l JOIN card c ON c.id = l.card_id WHERE l.msisdn = ?",
                        String.class,
                        changed))
                .isEqualTo(reissued);
        assertThat(disagreements()).isZero();
    }
}
