package com.realsim.identity;

import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A bar (惩戒) on a person or an enterprise: no new cards or business for them from {@code validFrom} to
 * {@code validTo} (at most 5 years), unless a second OPS person lifts it early with a reason.
 */
@Entity
@Table(name = "barred_identity")
class Bar extends AbstractAggregateRoot<Bar> {

    static final String TABLE = "barred_identity";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private UUID sealKey = UUID.randomUUID();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BarSubject subjectType;

    @Embedded
    @AttributeOverride(name = "type", column = @Column(name = "id_type", updatable = false))
    private SealedIdNumber idNumber;

    @Column(updatable = false)
    private String uscc;

    @Column(nullable = false, updatable = false)
    private String subjectKey;

    @Embedded
    private BarTerms terms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BarStatus status = BarStatus.ACTIVE;

    @Embedded
    private Recorder recorder;

    @Embedded
    private Lifting lifting;

    protected Bar() {}

    static Bar person(IdDocument person, PersonalData personalData, BarTerms terms, Actor by, Instant now) {
        Bar bar = new Bar(BarSubject.PERSON, terms, by, now);
        bar.idNumber = personalData.seal(person, SealContext.of(TABLE, "id_number", bar.sealKey));
        bar.subjectKey = bar.idNumber.blindIndex();
        return bar;
    }

    static Bar enterprise(Uscc uscc, BarTerms terms, Actor by, Instant now) {
        Bar bar = new Bar(BarSubject.ENTERPRISE, terms, by, now);
        bar.uscc = uscc.value();
        bar.subjectKey = BarredIdentities.enterpriseKey(uscc);
        return bar;
    }

    private Bar(BarSubject subject, BarTerms terms, Actor by, Instant now) {
        this.subjectType = subject;
        this.terms = terms;
        this.recorder = new Recorder(by.name(), by.principalKey(), now);
    }

    Bar recorded(Actor by) {
        registerEvent(new BarChanged(
                id,
                subjectType,
                subject(),
                "BAR_RECORDED",
                Map.of(
                        "basis",
                        terms.basis(),
                        "validFrom",
                        terms.validFrom().toString(),
                        "validTo",
                        terms.validTo().toString()),
                by));
        return this;
    }

    /** Lifted early (on appeal) by another OPS person than the one who recorded it. */
    void lift(String why, Actor by, Instant now) {
        if (status != BarStatus.ACTIVE) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "identity.bar.notActive");
        }
        if (by.principalKey().equals(recorder.recordedByKey())) {
            throw new DomainException(ErrorCode.SELF_APPROVAL, "identity.bar.selfLift");
        }
        status = BarStatus.LIFTED;
        lifting = new Lifting(by.name(), why, now);
        registerEvent(new BarChanged(id, subjectType, subject(), "BAR_LIFTED", Map.of("reason", why), by));
    }

    String subjectKey() {
        return subjectKey;
    }

    /** Who is barred, masked for a person. */
    String subject() {
        return subjectType == BarSubject.PERSON ? idNumber.masked() : uscc;
    }

    boolean inForceOn(LocalDate day) {
        return status == BarStatus.ACTIVE && !day.isBefore(terms.validFrom()) && !day.isAfter(terms.validTo());
    }

    BarView view(LocalDate today) {
        return new BarView(
                id,
                subjectType,
                subjectType == BarSubject.PERSON ? idNumber.type() : null,
                subject(),
                terms.basis(),
                terms.validFrom(),
                terms.validTo(),
                terms.reason(),
                status,
                inForceOn(today),
                recorder.recordedBy(),
                recorder.recordedAt(),
                lifting == null ? null : lifting.liftedBy(),
                lifting == null ? null : lifting.liftedReason(),
                lifting == null ? null : lifting.liftedAt());
    }

    /** Who recorded the bar, and when: columns {@code recorded_by}, {@code recorded_by_key}, {@code recorded_at}. */
    @Embeddable
    record Recorder(String recordedBy, String recordedByKey, Instant recordedAt) {}

    /** Who lifted the bar early, why and when: columns {@code lifted_by}, {@code lifted_reason}, {@code lifted_at}. */
    @Embeddable
    record Lifting(String liftedBy, String liftedReason, Instant liftedAt) {}
}
