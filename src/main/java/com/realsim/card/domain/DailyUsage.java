package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.card.Imei;
import com.realsim.card.events.CardRef;
import com.realsim.card.events.CardsBoundToDevices;
import com.realsim.card.events.CardsSuspended;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Days of usage of many cards stored at once, set-based, in the caller's transaction (the usage feed, {@code
 * CardUsageService}):
 *
 * <ol>
 *   <li>the checked days go into a temporary staging table with PostgreSQL {@code COPY};
 *   <li>days of unknown cards and of cards not in service are told apart and left out; the batch's cards used for
 *       the first time or bound to a device are locked in ICCID order (as every other caller locking many cards
 *       does) — the other cards' rows are neither locked nor written;
 *   <li>one statement replaces the days in {@code card_usage} ({@code INSERT … ON CONFLICT DO UPDATE}, the last of
 *       two reports of one card and day wins), keeps each card's summary in the narrow {@code card_usage_summary}
 *       ({@code last_usage_on} — the card's last sign of life —, {@code last_imei} and its day, {@code usage_month}
 *       and its {@code month_*} totals; a day reported again replaces its old numbers in the totals, read in the same
 *       snapshot; one {@code UPDATE} and one {@code INSERT} for the batch); on the card row only what changes once:
 *       the first day of use ({@code first_usage_on}) and a bound card's first device (the first IMEI its usage
 *       shows);
 *   <li>the few cards whose state moves: a pre-cancelled card taken back (its aggregate judges its real-name), a
 *       bound card seen with another IMEI stopped with {@code MACHINE_CARD_SEPARATION} at once, a separated card
 *       back in its bound device cleared ({@link BlockingStack}).
 * </ol>
 *
 * <p>Batches queue on a transaction-level advisory lock: the month totals of a day reported twice at once by two
 * instances would otherwise both add the difference to the same old numbers.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DailyUsage {

    /** One checked day of one card; {@code index} is its position in the request. */
    public record Day(
            int index,
            String iccid,
            LocalDate date,
            long dataKb,
            long smsCount,
            long voiceSeconds,
            long nonDirectionalKb,
            String imei) {}

    /** A day that was not stored, and why: the card is unknown, or not in service (in the inventory or cancelled). */
    public record Refused(int index, boolean unknownCard) {}

    /** The days stored and those refused. */
    public record Stored(int stored, List<Refused> refused) {}

    private static final long LOCK_KEY = 0x5253_5553_4147_45L; // "RSUSAGE"

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final UsagePartitions partitions;
    private final LockedCards locked;
    private final Cards cards;
    private final CardRealName realName;
    private final BlockingStack stack;
    private final ApplicationEventPublisher events;

    /** Stores the days (at most a request's worth: they are sent to the database in one {@code COPY}). */
    public Stored store(Collection<Day> days, Instant now) {
        if (days.isEmpty()) {
            return new Stored(0, List.of());
        }
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                .param("key", LOCK_KEY)
                .query(Integer.class)
                .single();
        new TreeSet<>(days.stream().map(d -> d.date().withDayOfMonth(1)).toList()).forEach(partitions::ensure);
        stage(days);
        // the batch's cards looked up once, by ICCID: the id of each card in service goes into its staging rows, with
        // whether the upsert may write the card's row (used for the first time, or bound to a device)
        jdbc.sql("""
                        UPDATE card_usage_staging s
                           SET card_id = c.id, writes_card = c.imei_binding OR c.first_usage_on IS NULL
                          FROM card c
                         WHERE c.iccid = s.iccid AND c.state NOT IN ('INVENTORY', 'CANCELLED')""").update();
        // the planner's numbers of the staged rows, their cards included (without them it guesses one row and hashes
        // the per-card aggregate to disk)
        jdbc.sql("ANALYZE card_usage_staging").update();
        // the days left without a card: the card is unknown, or not in service
        List<Refused> refused = jdbc.sql("""
                        SELECT s.idx, NOT EXISTS (SELECT 1 FROM card c WHERE c.iccid = s.iccid) AS unknown
                          FROM card_usage_staging s
                         WHERE s.card_id IS NULL
                         ORDER BY s.idx""")
                .query((rs, row) -> new Refused(rs.getInt("idx"), rs.getBoolean("unknown")))
                .list();
        // the row locks (in ICCID order) of the cards the upsert may write; the other cards' rows are neither locked
        // nor written
        jdbc.sql("""
                        SELECT count(*) FROM (SELECT 1 FROM card c
                                               WHERE c.id IN (SELECT card_id FROM card_usage_staging WHERE writes_card)
                                                 AND (c.imei_binding OR c.first_usage_on IS NULL)
                                               ORDER BY c.iccid FOR NO KEY UPDATE) locked""").query(Long.class).single();
        List<Moved> moved = jdbc.sql(UPSERT)
                .param("now", Timestamp.from(now))
                // the months of the batch only: the planner leaves the other partitions out of the join
                .param(
                        "first",
                        days.stream().map(Day::date).min(LocalDate::compareTo).orElseThrow())
                .param(
                        "last",
                        days.stream().map(Day::date).max(LocalDate::compareTo).orElseThrow())
                .query(DailyUsage::moved)
                .list();
        follow(moved, now);
        return new Stored(days.size() - refused.size(), refused);
    }

    /**
     * A replacement card (补换卡) takes the old card's last day of use, its last sign of life; it has no usage of its
     * own yet (no first day, no totals).
     */
    public void carryOver(long fromCardId, long toCardId) {
        jdbc.sql("""
                        INSERT INTO card_usage_summary AS g (card_id, last_usage_on, usage_month)
                        SELECT :to, last_usage_on, usage_month FROM card_usage_summary WHERE card_id = :from
                        ON CONFLICT (card_id) DO UPDATE
                           SET last_usage_on = greatest(g.last_usage_on, excluded.last_usage_on)""").param("from", fromCardId).param("to", toCardId).update();
    }

    private void stage(Collection<Day> days) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        StringBuilder text = new StringBuilder(days.size() * 80);
        for (Day day : days) {
            text.append(day.index())
                    .append('\t')
                    .append(day.iccid())
                    .append('\t')
                    .append(day.date())
                    .append('\t')
                    .append(day.dataKb())
                    .append('\t')
                    .append(day.smsCount())
                    .append('\t')
                    .append(day.voiceSeconds())
                    .append('\t')
                    .append(day.nonDirectionalKb())
                    .append('\t')
                    .append(day.imei() == null ? "\\N" : day.imei())
                    .append('\n');
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE card_usage_staging (
                        idx INT NOT NULL, iccid TEXT COLLATE "C" NOT NULL, usage_date DATE NOT NULL,
                        data_kb BIGINT NOT NULL, sms_count BIGINT NOT NULL, voice_seconds BIGINT NOT NULL,
                        non_directional_kb BIGINT NOT NULL, imei TEXT, card_id BIGINT, writes_card BOOLEAN
                    ) ON COMMIT DROP""");
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY card_usage_staging (idx, iccid, usage_date, data_kb, sms_count, voice_seconds,"
                                    + " non_directional_kb, imei) FROM STDIN",
                            new StringReader(text.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage the usage batch", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The days of known cards in service (the last report of a card and day wins) with the numbers stored before for
     * that day; the upsert; the cards' summaries ({@code card_usage_summary}: one {@code UPDATE} of those kept, one
     * {@code INSERT} of the new ones — the update adds differences, which an insert row could not hold);
     * the card's first day of use ({@code card.first_usage_on}, written once) and the device of a bound card without
     * one. Every part reads the same snapshot, so {@code old_*} are the numbers the
     * upsert replaces. Answers the cards whose state may have to move: pre-cancelled ones and those bound to a device.
     */
    private static final String UPSERT = """
            WITH batch AS MATERIALIZED (
                SELECT DISTINCT ON (c.id, s.usage_date)
                       c.id AS card_id, c.iccid, c.agent_id, c.enterprise_id, c.state, c.activated_at, c.imei_binding,
                       c.bound_imei, c.first_usage_on, s.usage_date, s.data_kb, s.sms_count, s.voice_seconds, s.non_directional_kb,
                       s.imei,
                       date_trunc('month', max(s.usage_date) OVER (PARTITION BY c.id))::date AS batch_month,
                       o.data_kb AS old_data_kb, o.sms_count AS old_sms_count, o.voice_seconds AS old_voice_seconds,
                       o.non_directional_kb AS old_non_directional_kb
                  FROM card_usage_staging s
                  JOIN card c ON c.id = s.card_id AND c.state NOT IN ('INVENTORY', 'CANCELLED')
                  LEFT JOIN card_usage o ON o.card_id = c.id AND o.usage_date = s.usage_date
                                        AND o.usage_date BETWEEN :first AND :last
                 ORDER BY c.id, s.usage_date, s.idx DESC),
            upserted AS (
                INSERT INTO card_usage (card_id, usage_date, agent_id, enterprise_id, data_kb, sms_count,
                                        voice_seconds, non_directional_kb, imei, received_at)
                SELECT card_id, usage_date, agent_id, enterprise_id, data_kb, sms_count, voice_seconds,
                       non_directional_kb, imei, :now
                  FROM batch
                ON CONFLICT (card_id, usage_date) DO UPDATE
                   SET data_kb = excluded.data_kb, sms_count = excluded.sms_count,
                       voice_seconds = excluded.voice_seconds, non_directional_kb = excluded.non_directional_kb,
                       imei = excluded.imei, agent_id = excluded.agent_id, enterprise_id = excluded.enterprise_id,
                       received_at = excluded.received_at),
            per_card AS (
                SELECT card_id, iccid, agent_id, enterprise_id, state, activated_at, imei_binding, bound_imei,
                       first_usage_on,
                       min(usage_date) AS first_on,
                       max(usage_date) AS last_on,
                       max(batch_month) AS month,
                       max(usage_date) FILTER (WHERE imei IS NOT NULL) AS imei_on,
                       substr(max(to_char(usage_date, 'YYYYMMDD') || imei), 9) AS latest_imei,
                       substr(min(to_char(usage_date, 'YYYYMMDD') || imei), 9) AS first_imei,
                       min(imei) <> max(imei) AS imeis_differ,
                       coalesce(bool_or(imei <> bound_imei), false) AS imei_not_bound,
                       coalesce(bool_or(imei = bound_imei), false) AS imei_bound,
                       coalesce(sum(data_kb - coalesce(old_data_kb, 0))
                                FILTER (WHERE usage_date >= batch_month), 0) AS data_kb,
                       coalesce(sum(sms_count - coalesce(old_sms_count, 0))
                                FILTER (WHERE usage_date >= batch_month), 0) AS sms_count,
                       coalesce(sum(voice_seconds - coalesce(old_voice_seconds, 0))
                                FILTER (WHERE usage_date >= batch_month), 0) AS voice_seconds,
                       coalesce(sum(non_directional_kb - coalesce(old_non_directional_kb, 0))
                                FILTER (WHERE usage_date >= batch_month), 0) AS non_directional_kb
                  FROM batch
                 GROUP BY card_id, iccid, agent_id, enterprise_id, state, activated_at, imei_binding, bound_imei,
                          first_usage_on),
            summed AS (
                UPDATE card_usage_summary g
                   SET last_usage_on = greatest(g.last_usage_on, p.last_on),
                       last_imei = CASE WHEN p.imei_on >= g.last_imei_on OR g.last_imei_on IS NULL
                                        THEN coalesce(p.latest_imei, g.last_imei) ELSE g.last_imei END,
                       last_imei_on = greatest(g.last_imei_on, p.imei_on),
                       usage_month = greatest(g.usage_month, p.month),
                       month_data_kb = CASE WHEN g.usage_month = p.month THEN g.month_data_kb + p.data_kb
                                            WHEN g.usage_month > p.month THEN g.month_data_kb
                                            ELSE p.data_kb END,
                       month_sms_count = CASE WHEN g.usage_month = p.month THEN g.month_sms_count + p.sms_count
                                              WHEN g.usage_month > p.month THEN g.month_sms_count
                                              ELSE p.sms_count END,
                       month_voice_seconds = CASE WHEN g.usage_month = p.month
                                                  THEN g.month_voice_seconds + p.voice_seconds
                                                  WHEN g.usage_month > p.month THEN g.month_voice_seconds
                                                  ELSE p.voice_seconds END,
                       month_non_directional_kb = CASE WHEN g.usage_month = p.month
                                                       THEN g.month_non_directional_kb + p.non_directional_kb
                                                       WHEN g.usage_month > p.month THEN g.month_non_directional_kb
                                                       ELSE p.non_directional_kb END
                  FROM per_card p
                 WHERE g.card_id = p.card_id
             RETURNING g.card_id),
            added AS (
                INSERT INTO card_usage_summary (card_id, last_usage_on, last_imei, last_imei_on, usage_month,
                                                month_data_kb, month_sms_count, month_voice_seconds,
                                                month_non_directional_kb)
                SELECT card_id, last_on, latest_imei, imei_on, month, data_kb, sms_count, voice_seconds,
                       non_directional_kb
                  FROM per_card p
                 WHERE p.card_id NOT IN (SELECT card_id FROM summed)),
            touched AS (
                UPDATE card c
                   SET first_usage_on = least(c.first_usage_on, p.first_on),
                       bound_imei = CASE WHEN p.imei_binding AND p.bound_imei IS NULL THEN p.first_imei
                                         ELSE c.bound_imei END,
                       updated_at = :now, version = c.version + 1
                  FROM per_card p
                 WHERE c.id = p.card_id
                   AND (p.first_usage_on IS NULL OR p.first_usage_on > p.first_on
                        OR (p.imei_binding AND p.bound_imei IS NULL AND p.first_imei IS NOT NULL))
                   AND (c.first_usage_on IS NULL OR c.first_usage_on > p.first_on
                        OR (p.imei_binding AND p.bound_imei IS NULL AND p.first_imei IS NOT NULL)))
            SELECT p.card_id AS id, p.iccid, p.agent_id, p.enterprise_id, p.state, p.activated_at, p.last_on,
                   coalesce(p.bound_imei, p.first_imei) AS bound_imei,
                   p.imei_binding AND p.bound_imei IS NULL AND p.first_imei IS NOT NULL AS newly_bound,
                   p.imei_binding AND CASE WHEN p.bound_imei IS NULL THEN coalesce(p.imeis_differ, false)
                                           ELSE p.imei_not_bound END AS other_device,
                   p.imei_binding AND CASE WHEN p.bound_imei IS NULL THEN p.first_imei IS NOT NULL
                                           ELSE p.imei_bound END AS bound_device
              FROM per_card p
             WHERE (p.state = 'PRE_CANCELLED' AND p.activated_at IS NOT NULL) OR p.imei_binding""";

    /** A card of the batch whose state or binding may move. */
    private record Moved(
            CardRef card,
            CardState state,
            boolean activated,
            Instant lastUsageAt,
            String boundImei,
            boolean newlyBound,
            boolean otherDevice,
            boolean boundDevice) {}

    private static Moved moved(java.sql.ResultSet rs, int row) throws SQLException {
        return new Moved(
                new CardRef(
                        rs.getLong("id"),
                        rs.getString("iccid"),
                        rs.getObject("agent_id", Long.class),
                        rs.getObject("enterprise_id", Long.class)),
                CardState.valueOf(rs.getString("state")),
                rs.getTimestamp("activated_at") != null,
                rs.getDate("last_on")
                        .toLocalDate()
                        .atStartOfDay(Card.BUSINESS_ZONE)
                        .toInstant(),
                rs.getString("bound_imei"),
                rs.getBoolean("newly_bound"),
                rs.getBoolean("other_device"),
                rs.getBoolean("bound_device"));
    }

    /**
     * The moves the batch causes, in the aggregate's order for one report: a pre-cancelled card comes back first (so
     * that it can then be stopped), then the device.
     */
    private void follow(List<Moved> moved, Instant now) {
        List<CardsBoundToDevices.Bound> bound = new ArrayList<>();
        Map<Long, Moved> restored = new HashMap<>();
        for (Moved card : moved) {
            if (card.newlyBound()) {
                bound.add(new CardsBoundToDevices.Bound(card.card(), Imei.mask(card.boundImei())));
            }
            if (card.state() == CardState.PRE_CANCELLED && card.activated()) {
                restored.put(card.card().cardId(), card);
            }
        }
        for (int from = 0; from < bound.size(); from += CardsSuspended.MAX_CARDS) {
            events.publishEvent(new CardsBoundToDevices(
                    bound.subList(from, Math.min(bound.size(), from + CardsSuspended.MAX_CARDS))));
        }
        if (!restored.isEmpty()) {
            List<Card> back = new ArrayList<>();
            for (Moved card : restored.values()) {
                Card aggregate = locked.any(card.card().cardId()).orElseThrow();
                aggregate.usageSeen(card.lastUsageAt(), now, () -> realName.assess(aggregate));
                back.add(aggregate);
            }
            cards.saveAllAndFlush(back);
        }
        stack.add(
                BlockingReason.MACHINE_CARD_SEPARATION,
                moved.stream()
                        .filter(Moved::otherDevice)
                        .map(card -> new BlockingStack.Change(card.card().cardId(), now))
                        .toList(),
                "card.note.otherDevice",
                null,
                now);
        stack.clear(
                BlockingReason.MACHINE_CARD_SEPARATION,
                moved.stream()
                        .filter(card -> card.boundDevice() && !card.otherDevice())
                        .map(card -> new BlockingStack.Change(card.card().cardId(), now))
                        .toList(),
                "card.note.boundDeviceReturned",
                null,
                now);
    }
}
