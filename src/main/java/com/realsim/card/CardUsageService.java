package com.realsim.card;

import com.realsim.card.domain.Card;
import com.realsim.card.domain.CardRealName;
import com.realsim.card.domain.Cards;
import com.realsim.card.domain.LockedCards;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily usage from the operator's feed (OPS): each report is checked on its own and a bad one is rejected, never the
 * batch. An accepted report replaces the card's numbers for that day, moves the card's last sign of life forward
 * (which takes a pre-cancelled card back), and for a card bound to devices checks the IMEI (another device stops it
 * with {@code MACHINE_CARD_SEPARATION}; the bound device returning clears that).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardUsageService {

    /** More reports than this in one request are refused as a whole (send them in several requests). */
    public static final int MAX_REPORTS = 10_000;

    /**
     * One day of one card as the feed reports it; every value may be missing or wrong until checked.
     *
     * @param date {@code YYYY-MM-DD}, the day in China time
     */
    public record Report(String iccid, String date, Long dataKb, Long smsCount, Long voiceSeconds, String imei) {}

    private record Checked(String iccid, LocalDate date, Optional<Imei> imei) {}

    /** A report that was not taken, by its position in the request (0-based), with the rule it broke. */
    public record Rejected(int index, ErrorCode code, String field, String messageKey, List<Object> arguments) {}

    public record Outcome(int accepted, List<Rejected> rejected) {}

    private final Cards cards;
    private final LockedCards locked;
    private final CardRealName realName;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /**
     * Takes the reports one by one, each in its own transaction.
     *
     * @throws DomainException {@code FORBIDDEN} for roles other than OPS; {@code VALIDATION_FAILED} for more than
     *     {@link #MAX_REPORTS}
     */
    public Outcome ingest(List<Report> reports) {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.OPS) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (reports.size() > MAX_REPORTS) {
            throw new ValidationException(
                    new FieldProblem("reports", ErrorCode.VALIDATION_FAILED, "card.usage.tooMany", MAX_REPORTS));
        }
        int accepted = 0;
        List<Rejected> rejected = new ArrayList<>();
        for (int index = 0; index < reports.size(); index++) {
            Report report = reports.get(index);
            try {
                Checked checked = check(report);
                transactions.executeWithoutResult(status -> take(report, checked));
                accepted++;
            } catch (DomainException refused) {
                rejected.add(rejection(index, refused));
            }
        }
        return new Outcome(accepted, rejected);
    }

    /** The last reported days of a card the current actor may see (newest first); 404 for another tenant's card. */
    @Transactional(readOnly = true)
    public List<UsageDay> recent(long cardId, int days) {
        Card card = cards.getVisible(cardId);
        return jdbc.query(
                "SELECT usage_date, data_kb, sms_count, voice_seconds, imei FROM card_usage"
                        + " WHERE card_id = ? ORDER BY usage_date DESC LIMIT ?",
                (rs, row) -> new UsageDay(
                        rs.getDate(1).toLocalDate(),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        Imei.mask(rs.getString(5))),
                card.id(),
                days);
    }

    private Checked check(Report report) {
        List<FieldProblem> problems = new ArrayList<>();
        if (report.iccid() == null || report.iccid().isBlank()) {
            problems.add(new FieldProblem("iccid", ErrorCode.VALIDATION_FAILED, "validation.required"));
        } else if (!Iccid.isValid(report.iccid().strip())) {
            problems.add(FieldProblem.of("iccid", ErrorCode.INVALID_ICCID));
        }
        LocalDate today = LocalDate.now(clock.withZone(Card.BUSINESS_ZONE));
        LocalDate date = null;
        if (report.date() == null || report.date().isBlank()) {
            problems.add(new FieldProblem("date", ErrorCode.VALIDATION_FAILED, "validation.required"));
        } else {
            try {
                date = LocalDate.parse(report.date().strip());
                if (date.isAfter(today)) {
                    problems.add(new FieldProblem("date", ErrorCode.VALIDATION_FAILED, "card.usage.date.future"));
                }
            } catch (DateTimeParseException notADate) {
                problems.add(new FieldProblem("date", ErrorCode.VALIDATION_FAILED, "card.usage.date.format"));
            }
        }
        amount("dataKb", report.dataKb(), problems);
        amount("smsCount", report.smsCount(), problems);
        amount("voiceSeconds", report.voiceSeconds(), problems);
        Optional<Imei> imei = Optional.empty();
        if (report.imei() != null && !report.imei().isBlank()) {
            try {
                imei = Optional.of(new Imei(report.imei().strip()));
            } catch (ValidationException invalid) {
                problems.addAll(invalid.fieldProblems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Checked(report.iccid().strip(), date, imei);
    }

    private static void amount(String field, Long value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "validation.required"));
        } else if (value < 0) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "card.usage.negative"));
        }
    }

    private void take(Report report, Checked checked) {
        String iccid = checked.iccid();
        Optional<Imei> imei = checked.imei();
        Card card = locked.any(iccid)
                .orElseThrow(() -> new ValidationException(
                        new FieldProblem("iccid", ErrorCode.NOT_FOUND, "card.usage.unknownCard")));
        if (!card.state().isWithCustomer()) {
            throw new ValidationException(
                    new FieldProblem("iccid", ErrorCode.ILLEGAL_STATE_TRANSITION, "card.usage.notInService"));
        }
        Instant now = clock.instant();
        jdbc.update(
                """
                INSERT INTO card_usage (card_id, usage_date, agent_id, enterprise_id, data_kb, sms_count,
                                        voice_seconds, imei, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (card_id, usage_date) DO UPDATE
                   SET data_kb = excluded.data_kb, sms_count = excluded.sms_count,
                       voice_seconds = excluded.voice_seconds, imei = excluded.imei,
                       agent_id = excluded.agent_id, enterprise_id = excluded.enterprise_id,
                       received_at = excluded.received_at""",
                card.id(),
                Date.valueOf(checked.date()),
                card.agentId(),
                card.enterpriseId(),
                report.dataKb(),
                report.smsCount(),
                report.voiceSeconds(),
                imei.map(Imei::value).orElse(null),
                Timestamp.from(now));
        // a pre-cancelled card back at work, or one whose bound device returns, is judged on the facts as they stand
        Supplier<RealNameAssessment> realNameNow = () -> realName.assess(card);
        card.usageSeen(checked.date().atStartOfDay(Card.BUSINESS_ZONE).toInstant(), now, realNameNow);
        imei.ifPresent(device -> card.deviceSeen(device, now, realNameNow));
        cards.save(card);
    }

    private static Rejected rejection(int index, DomainException refused) {
        if (refused.fieldProblems().isEmpty()) {
            return new Rejected(index, refused.code(), null, refused.messageKey(), List.of(refused.messageArguments()));
        }
        FieldProblem first = refused.fieldProblems().get(0);
        return new Rejected(index, first.code(), first.field(), first.messageKey(), List.of(first.arguments()));
    }
}
