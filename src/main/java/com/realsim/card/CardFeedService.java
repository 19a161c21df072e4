package com.realsim.card;

import com.realsim.card.CardUsageService.Outcome;
import com.realsim.card.CardUsageService.Rejected;
import com.realsim.card.domain.BlockingStack;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Labelled;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The operator's feed about cards (OPS, or the operator's feed client acting as OPS), in batches of up to {@value
 * CardUsageService#MAX_REPORTS} events, each checked on its own (a bad one is rejected with its index and code, never
 * the batch) and the good ones applied set-based in one transaction ({@link BlockingStack}):
 *
 * <ul>
 *   <li><b>status events</b>: {@code ARREARS} and {@code DATA_LIMIT_REACHED} put their blocking reason on a working
 *       card (it is SUSPENDED), {@code ARREARS_CLEARED} and {@code DATA_LIMIT_RESET} take it off (the card works again
 *       only when its stack is empty and its real-name complete). Of several events of one card and reason in a
 *       batch, the latest ({@code at}, then position) counts;
 *   <li><b>eSIM profile events</b> ({@code DOWNLOAD}, {@code ENABLE}, {@code DISABLE}, {@code DELETE}) are kept on the
 *       card ({@code card_esim_event}); an {@code ENABLE} on an EID other than the card's is a machine-card
 *       separation: {@code MACHINE_CARD_SEPARATION} at once.
 * </ul>
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardFeedService {

    /** What the operator's feed says about a card's service. */
    public enum StatusEvent implements Labelled {
        ARREARS(BlockingReason.ARREARS, true),
        ARREARS_CLEARED(BlockingReason.ARREARS, false),
        DATA_LIMIT_REACHED(BlockingReason.DATA_LIMIT_REACHED, true),
        DATA_LIMIT_RESET(BlockingReason.DATA_LIMIT_REACHED, false);

        private final BlockingReason reason;
        private final boolean stops;

        StatusEvent(BlockingReason reason, boolean stops) {
            this.reason = reason;
            this.stops = stops;
        }

        public BlockingReason reason() {
            return reason;
        }

        /** Whether the event puts its reason on the card (otherwise it clears it). */
        public boolean stops() {
            return stops;
        }

        /** The note the card's stack of reasons records with the change. */
        String note() {
            return "card.note.feed." + name();
        }

        @Override
        public String messageKey() {
            return "card.feed.event." + name();
        }
    }

    /** What happened to an eSIM profile, as the operator's feed reports it. */
    public enum EsimOperation {
        DOWNLOAD,
        ENABLE,
        DISABLE,
        DELETE
    }

    /** One status event as sent; every value may be missing or wrong until checked. */
    public record StatusReport(String iccid, String event, String at) {}

    /** One eSIM profile event as sent; every value may be missing or wrong until checked. */
    public record EsimReport(String iccid, String eid, String operation, String at) {}

    private record Status(int index, String iccid, StatusEvent event, Instant at) {}

    private record Esim(int index, String iccid, String eid, EsimOperation operation, Instant at) {}

    private record CardFacts(long id, CardState state, String formFactor, String eid) {}

    private final JdbcClient jdbc;
    private final BlockingStack stack;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Applies status events: ARREARS and the data-limit stop set and cleared. */
    public Outcome statusEvents(List<StatusReport> reports) {
        Actor actor = requireOps(reports.size());
        List<Rejected> rejected = new ArrayList<>();
        List<Status> good = new ArrayList<>();
        for (int index = 0; index < reports.size(); index++) {
            StatusReport report = reports.get(index);
            try {
                good.add(checkStatus(index, report == null ? new StatusReport(null, null, null) : report));
            } catch (DomainException refused) {
                rejected.add(CardUsageService.rejection(index, refused));
            }
        }
        int accepted = transactions.execute(status -> {
            Map<String, CardFacts> cards = lock(good.stream().map(Status::iccid).toList());
            // the latest event of each card and reason decides
            Map<String, Status> latest = new LinkedHashMap<>();
            int taken = 0;
            for (Status event : good) {
                CardFacts card = cards.get(event.iccid());
                Rejected refusal = refusal(event.index(), card);
                if (refusal == null && event.event().stops() && !card.state().canBeBlocked()) {
                    refusal = new Rejected(
                            event.index(),
                            ErrorCode.ILLEGAL_STATE_TRANSITION,
                            "iccid",
                            "card.feed.notWorking",
                            List.of(card.state().name()));
                }
                if (refusal != null) {
                    rejected.add(refusal);
                    continue;
                }
                taken++;
                String key = card.id() + "/" + event.event().reason();
                Status before = latest.get(key);
                if (before == null || !event.at().isBefore(before.at())) {
                    latest.put(key, event);
                }
            }
            Instant now = clock.instant();
            for (StatusEvent kind : StatusEvent.values()) {
                List<BlockingStack.Change> changes = latest.values().stream()
                        .filter(event -> event.event() == kind)
                        .map(event -> new BlockingStack.Change(
                                cards.get(event.iccid()).id(), event.at()))
                        .toList();
                if (kind.stops()) {
                    stack.add(kind.reason(), changes, kind.note(), actor, now);
                } else {
                    stack.clear(kind.reason(), changes, kind.note(), actor, now);
                }
            }
            return taken;
        });
        rejected.sort(Comparator.comparingInt(Rejected::index));
        return new Outcome(accepted, List.copyOf(rejected));
    }

    /** Keeps eSIM profile events on their cards; an ENABLE on another EID stops the card for machine-card separation. */
    public Outcome esimEvents(List<EsimReport> reports) {
        Actor actor = requireOps(reports.size());
        List<Rejected> rejected = new ArrayList<>();
        List<Esim> good = new ArrayList<>();
        for (int index = 0; index < reports.size(); index++) {
            EsimReport report = reports.get(index);
            try {
                good.add(checkEsim(index, report == null ? new EsimReport(null, null, null, null) : report));
            } catch (DomainException refused) {
                rejected.add(CardUsageService.rejection(index, refused));
            }
        }
        int accepted = transactions.execute(status -> {
            Map<String, CardFacts> cards = lock(good.stream().map(Esim::iccid).toList());
            List<Esim> taken = new ArrayList<>();
            for (Esim event : good) {
                CardFacts card = cards.get(event.iccid());
                Rejected refusal = refusal(event.index(), card);
                if (refusal == null && !"ESIM".equals(card.formFactor())) {
                    refusal = new Rejected(
                            event.index(), ErrorCode.VALIDATION_FAILED, "iccid", "card.esim.notEsim", List.of());
                }
                if (refusal != null) {
                    rejected.add(refusal);
                } else {
                    taken.add(event);
                }
            }
            Instant now = clock.instant();
            if (!taken.isEmpty()) {
                jdbc.sql("""
                                INSERT INTO card_esim_event (card_id, eid, operation, occurred_at, received_at)
                                SELECT e.card_id, e.eid, e.operation, e.at, :now
                                  FROM unnest(:ids::bigint[], :eids::text[], :operations::text[], :ats::timestamptz[])
                                       AS e(card_id, eid, operation, at)
                                ON CONFLICT ON CONSTRAINT card_esim_event_uk DO NOTHING""")
                        .param(
                                "ids",
                                taken.stream()
                                        .map(e -> cards.get(e.iccid()).id())
                                        .toArray(Long[]::new))
                        .param("eids", taken.stream().map(Esim::eid).toArray(String[]::new))
                        .param(
                                "operations",
                                taken.stream().map(e -> e.operation().name()).toArray(String[]::new))
                        .param("ats", taken.stream().map(e -> e.at().toString()).toArray(String[]::new))
                        .param("now", Timestamp.from(now))
                        .update();
            }
            stack.add(
                    BlockingReason.MACHINE_CARD_SEPARATION,
                    taken.stream()
                            .filter(e -> e.operation() == EsimOperation.ENABLE
                                    && !e.eid().equals(cards.get(e.iccid()).eid()))
                            .map(e -> new BlockingStack.Change(
                                    cards.get(e.iccid()).id(), e.at()))
                            .toList(),
                    "card.note.otherEid",
                    actor,
                    now);
            return taken.size();
        });
        rejected.sort(Comparator.comparingInt(Rejected::index));
        return new Outcome(accepted, List.copyOf(rejected));
    }

    private static Actor requireOps(int size) {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.OPS) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        if (size > CardUsageService.MAX_REPORTS) {
            throw new ValidationException(new FieldProblem(
                    "events", ErrorCode.VALIDATION_FAILED, "card.feed.tooMany", CardUsageService.MAX_REPORTS));
        }
        return actor;
    }

    /** The cards with these ICCIDs that exist, locked in ICCID order (as every caller locking many cards does). */
    private Map<String, CardFacts> lock(List<String> iccids) {
        Map<String, CardFacts> cards = new HashMap<>();
        if (iccids.isEmpty()) {
            return cards;
        }
        jdbc.sql("SELECT id, iccid, state, form_factor, eid FROM card WHERE iccid = ANY(:iccids)"
                        + " ORDER BY iccid FOR NO KEY UPDATE")
                .param("iccids", iccids.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> cards.put(
                        rs.getString("iccid"),
                        new CardFacts(
                                rs.getLong("id"),
                                CardState.valueOf(rs.getString("state")),
                                rs.getString("form_factor"),
                                rs.getString("eid"))))
                .list();
        return cards;
    }

    /** An event about an unknown card, or one not in service (in the inventory or cancelled), is refused. */
    private static Rejected refusal(int index, CardFacts card) {
        if (card == null) {
            return new Rejected(index, ErrorCode.NOT_FOUND, "iccid", "card.usage.unknownCard", List.of());
        }
        if (!card.state().isWithCustomer()) {
            return new Rejected(
                    index, ErrorCode.ILLEGAL_STATE_TRANSITION, "iccid", "card.usage.notInService", List.of());
        }
        return null;
    }

    private static Status checkStatus(int index, StatusReport report) {
        List<FieldProblem> problems = new ArrayList<>();
        String iccid = iccid(report.iccid(), problems);
        StatusEvent event = choice(StatusEvent.class, "event", report.event(), problems);
        Instant at = at(report.at(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Status(index, iccid, event, at);
    }

    private static Esim checkEsim(int index, EsimReport report) {
        List<FieldProblem> problems = new ArrayList<>();
        String iccid = iccid(report.iccid(), problems);
        String eid = report.eid() == null ? null : report.eid().strip();
        if (eid == null || eid.isEmpty()) {
            problems.add(new FieldProblem("eid", ErrorCode.VALIDATION_FAILED, "validation.required"));
        } else if (!Eid.isValid(eid)) {
            problems.add(new FieldProblem("eid", ErrorCode.VALIDATION_FAILED, "card.eid.invalid"));
        }
        EsimOperation operation = choice(EsimOperation.class, "operation", report.operation(), problems);
        Instant at = at(report.at(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Esim(index, iccid, eid, operation, at);
    }

    private static String iccid(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("iccid", ErrorCode.VALIDATION_FAILED, "validation.required"));
            return null;
        }
        if (!Iccid.isValid(value.strip())) {
            problems.add(FieldProblem.of("iccid", ErrorCode.INVALID_ICCID));
        }
        return value.strip();
    }

    private static <E extends Enum<E>> E choice(
            Class<E> type, String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "validation.required"));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "card.feed." + field + ".unknown"));
        return null;
    }

    private static Instant at(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("at", ErrorCode.VALIDATION_FAILED, "validation.required"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notATime) {
            problems.add(new FieldProblem("at", ErrorCode.VALIDATION_FAILED, "card.feed.at.format"));
            return null;
        }
    }
}
