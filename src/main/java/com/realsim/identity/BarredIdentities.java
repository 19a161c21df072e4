package com.realsim.identity;

import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Barred identities (断卡 惩戒): OPS record, import and lift bars; every module that binds a person or registers an
 * enterprise asks {@link #refuseIfBarred} first. The check and the recording of a bar take the same transaction-level
 * advisory lock, keyed by the subject (the blind index of the identity key that the quota uses, or the USCC): a bar
 * committed while a binding waits for the lock is seen by it, and a binding that holds the lock commits before the
 * bar does.
 */
@Service
@RequiredArgsConstructor
public class BarredIdentities {

    static final String FIELD_KEY = "identity.bar.barred";

    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final Bars bars;
    private final PersonalData personalData;
    private final BlindIndex blindIndex;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<BarredHoldings> holdings;
    private final Clock clock;

    static String enterpriseKey(Uscc uscc) {
        return "USCC:" + uscc.value();
    }

    /**
     * Refuses binding, naming or registering a barred person: 422 {@code IDENTITY_BARRED} on {@code field}. Joins the
     * caller's transaction and holds the subject's lock until it ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refuseIfBarred(IdDocument person, String field) {
        refuseIfBarred(blindIndex.of(person), field);
    }

    /** As {@link #refuseIfBarred(IdDocument, String)}, for an enterprise's USCC. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refuseIfBarred(Uscc enterprise, String field) {
        refuseIfBarred(enterpriseKey(enterprise), field);
    }

    private void refuseIfBarred(String subjectKey, String field) {
        lock(subjectKey);
        boolean barred = jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM barred_identity WHERE subject_key = ? AND status = 'ACTIVE'
                                       AND valid_from <= ? AND valid_to >= ?)""")
                .params(subjectKey, today(), today())
                .query(Boolean.class)
                .single();
        if (barred) {
            throw new ValidationException(new FieldProblem(field, ErrorCode.IDENTITY_BARRED, FIELD_KEY));
        }
    }

    /** OPS record a bar; 400 naming the field for a bad subject, basis, validity (over 5 years) or reason. */
    @Transactional
    public BarView record(NewBar input) {
        Actor ops = CurrentActor.require(Role.OPS);
        BarTerms terms = BarTerms.of(input);
        Bar bar;
        if (input.subjectType() == BarSubject.PERSON) {
            if (input.idType() == null) {
                throw new ValidationException(new FieldProblem("idType", ErrorCode.VALIDATION_FAILED, "NotNull"));
            }
            IdDocument person = IdDocument.of(input.idType(), input.idNumber(), "idNumber", clock);
            bar = Bar.person(person, personalData, terms, ops, clock.instant());
        } else if (input.subjectType() == BarSubject.ENTERPRISE) {
            bar = Bar.enterprise(Uscc.parse(input.uscc(), "uscc"), terms, ops, clock.instant());
        } else {
            throw new ValidationException(new FieldProblem("subjectType", ErrorCode.VALIDATION_FAILED, "NotNull"));
        }
        lock(bar.subjectKey());
        bar = bars.save(bar);
        return bars.save(bar.recorded(ops)).view(today());
    }

    /**
     * Records each line of a CSV with the header {@code subjectType,idType,idNumber,uscc,basis,validFrom,validTo,
     * reason} in its own transaction: a bad line is refused with its field and rule, never the others.
     */
    public BarImport importCsv(String csv) {
        CurrentActor.require(Role.OPS);
        List<BarImport.Refused> refused = new ArrayList<>();
        int recorded = 0;
        try (CSVParser parser = CSV.parse(new StringReader(csv == null ? "" : csv))) {
            for (CSVRecord row : parser) {
                int line = (int) row.getRecordNumber() + 1;
                try {
                    NewBar input = parse(row);
                    transaction.executeWithoutResult(status -> record(input));
                    recorded++;
                } catch (DomainException problem) {
                    FieldProblem first = problem.fieldProblems().isEmpty()
                            ? new FieldProblem("", problem.code(), problem.messageKey())
                            : problem.fieldProblems().get(0);
                    refused.add(new BarImport.Refused(
                            line, first.field(), first.code().name(), first.messageKey()));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException unreadable) {
            throw new ValidationException(
                    new FieldProblem("file", ErrorCode.VALIDATION_FAILED, "identity.bar.import.unreadable"));
        }
        return new BarImport(recorded, refused);
    }

    private static NewBar parse(CSVRecord row) {
        return new NewBar(
                parseEnum(BarSubject.class, column(row, "subjectType"), "subjectType"),
                parseEnum(IdType.class, column(row, "idType"), "idType"),
                column(row, "idNumber"),
                column(row, "uscc"),
                column(row, "basis"),
                parseDate(column(row, "validFrom"), "validFrom"),
                parseDate(column(row, "validTo"), "validTo"),
                column(row, "reason"));
    }

    private static String column(CSVRecord row, String name) {
        return row.isMapped(name) && row.isSet(name) && !row.get(name).isBlank() ? row.get(name) : null;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "validation.invalid"));
        }
    }

    private static LocalDate parseDate(String value, String field) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException bad) {
            throw new ValidationException(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "validation.invalid"));
        }
    }

    /** Lifted early, on appeal, by an OPS person other than the one who recorded it (403 {@code SELF_APPROVAL}). */
    @Transactional
    public BarView lift(long id, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        Bar bar = bars.findById(id).orElseThrow(NotFoundException::new);
        bar.lift(DecisionReason.required(reason), ops, clock.instant());
        return bars.save(bar).view(today());
    }

    @Transactional(readOnly = true)
    public BarView view(long id) {
        CurrentActor.require(Role.OPS);
        return bars.findById(id).orElseThrow(NotFoundException::new).view(today());
    }

    /** The cards a barred person holds today (empty for an enterprise). */
    @Transactional(readOnly = true)
    public List<String> cardsHeld(long id) {
        CurrentActor.require(Role.OPS);
        Bar bar = bars.findById(id).orElseThrow(NotFoundException::new);
        BarredHoldings cards = holdings.getIfAvailable();
        if (cards == null || bar.view(today()).subjectType() != BarSubject.PERSON) {
            return List.of();
        }
        return cards.cardsHeldBy(bar.subjectKey());
    }

    /** One page of bars, newest first, after the given id. */
    @Transactional(readOnly = true)
    public List<BarView> list(Long afterId, int limit) {
        CurrentActor.require(Role.OPS);
        LocalDate today = today();
        return bars.findPage(Optional.ofNullable(afterId).orElse(Long.MAX_VALUE), Limit.of(limit)).stream()
                .map(b -> b.view(today))
                .toList();
    }

    private void lock(String subjectKey) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('realsim/bar/' || ?, 0))")
                .param(subjectKey)
                .query((rs, row) -> 1)
                .list();
    }

    private LocalDate today() {
        return ChinaTime.today(clock);
    }
}
