package com.realsim.card;

import com.realsim.card.domain.Card;
import com.realsim.card.domain.Cards;
import com.realsim.card.domain.DailyUsage;
import com.realsim.card.domain.UsagePartitions;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily usage from the operator's feed (OPS, or the operator's feed client acting as OPS), in batches of up to
 * {@value #MAX_REPORTS} reports: each report is checked on its own and a bad one is rejected with its index and code,
 * never the batch; the good ones are stored set-based in one transaction ({@link DailyUsage}: a {@code COPY} into a
 * staging table and one upsert that also keeps each card's usage summary). A report replaces the card's numbers for
 * that day (idempotent on ICCID and date), moves the card's last sign of life forward (which takes a pre-cancelled
 * card back), and for a card bound to its device checks the IMEI (another device stops it with {@code
 * MACHINE_CARD_SEPARATION} at once; the bound device returning clears that).
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
     * @param nonDirectionalKb traffic outside the plan's directional whitelist; optional (none when missing)
     */
    public record Report(
            String iccid,
            String date,
            Long dataKb,
            Long smsCount,
            Long voiceSeconds,
            String imei,
            Long nonDirectionalKb) {}

    /** A report that was not taken, by its position in the request (0-based), with the rule it broke. */
    public record Rejected(int index, ErrorCode code, String field, String messageKey, List<Object> arguments) {}

    public record Outcome(int accepted, List<Rejected> rejected) {}

    private final Cards cards;
    private final DailyUsage dailyUsage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final UsagePartitions partitions;

    /**
     * Takes the reports: the good ones in one transaction, set-based.
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
        List<DailyUsage.Day> days = new ArrayList<>(reports.size());
        List<Rejected> rejected = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(Card.BUSINESS_ZONE));
        for (int index = 0; index < reports.size(); index++) {
            try {
                days.add(check(index, reports.get(index), today));
            } catch (DomainException refused) {
                rejected.add(rejection(index, refused));
            }
        }
        DailyUsage.Stored stored = transactions.execute(status -> dailyUsage.store(days, clock.instant()));
        for (DailyUsage.Refused refused : stored.refused()) {
            rejected.add(
                    refused.unknownCard()
                            ? new Rejected(
                                    refused.index(), ErrorCode.NOT_FOUND, "iccid", "card.usage.unknownCard", List.of())
                            : new Rejected(
                                    refused.index(),
                                    ErrorCode.ILLEGAL_STATE_TRANSITION,
                                    "iccid",
                                    "card.usage.notInService",
                                    List.of()));
        }
        rejected.sort(Comparator.comparingInt(Rejected::index));
        return new Outcome(stored.stored(), List.copyOf(rejected));
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

    private DailyUsage.Day check(int index, Report report, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (report.iccid() == null || report.iccid().isBlank()) {
            problems.add(new FieldProblem("iccid", ErrorCode.VALIDATION_FAILED, "validation.required"));
        } else if (!Iccid.isValid(report.iccid().strip())) {
            problems.add(FieldProblem.of("iccid", ErrorCode.INVALID_ICCID));
        }
        LocalDate date = null;
        if (report.date() == null || report.date().isBlank()) {
            problems.add(new FieldProblem("date", ErrorCode.VALIDATION_FAILED, "validation.required"));
        } else {
            try {
                date = LocalDate.parse(report.date().strip());
                if (date.isAfter(today)) {
                    problems.add(new FieldProblem("date", ErrorCode.VALIDATION_FAILED, "card.usage.date.future"));
                } else if (date.isBefore(partitions.oldestKept(today))) {
                    problems.add(new FieldProblem(
                            "date",
                            ErrorCode.VALIDATION_FAILED,
                            "card.usage.date.tooOld",
                            partitions.retentionMonths(),
                            partitions.oldestKept(today).toString()));
                }
            } catch (DateTimeParseException notADate) {
                problems.add(new FieldProblem("date", ErrorCode.VALIDATION_FAILED, "card.usage.date.format"));
            }
        }
        amount("dataKb", report.dataKb(), problems);
        amount("smsCount", report.smsCount(), problems);
        amount("voiceSeconds", report.voiceSeconds(), problems);
        if (report.nonDirectionalKb() != null && report.nonDirectionalKb() < 0) {
            problems.add(new FieldProblem("nonDirectionalKb", ErrorCode.VALIDATION_FAILED, "card.usage.negative"));
        }
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
        return new DailyUsage.Day(
                index,
                report.iccid().strip(),
                date,
                report.dataKb(),
                report.smsCount(),
                report.voiceSeconds(),
                report.nonDirectionalKb() == null ? 0 : report.nonDirectionalKb(),
                imei.map(Imei::value).orElse(null));
    }

    private static void amount(String field, Long value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "validation.required"));
        } else if (value < 0) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "card.usage.negative"));
        }
    }

    static Rejected rejection(int index, DomainException refused) {
        if (refused.fieldProblems().isEmpty()) {
            return new Rejected(index, refused.code(), null, refused.messageKey(), List.of(refused.messageArguments()));
        }
        FieldProblem first = refused.fieldProblems().get(0);
        return new Rejected(index, first.code(), first.field(), first.messageKey(), List.of(first.arguments()));
    }
}
