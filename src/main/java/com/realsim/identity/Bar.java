package com.realsim.identity;

import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
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

    @Column(name = "seal_key", nullable = false, updatable = false)
    private UUID sealKey = UUID.randomUUID();

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false, updatable = false)
    private BarSubject subjectType;

    @Embedded
    @AttributeOverride(name = "type", column = @Column(name = "id_type", updatable = false))
    private SealedIdNumber idNumber;

    @Column(updatable = false)
    private String uscc;

    @Column(name = "subject_key", nullable = false, updatable = false)
    private String subjectKey;

    @Column(nullable = false, updatable = false)
    private String basis;

    @Column(name = "valid_from", nullable = false, updatable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to", nullable = false, updatable = false)
    private LocalDate validTo;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BarStatus status = BarStatus.ACTIVE;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_by_key", nullable = false, updatable = false)
    private String recordedByKey;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "lifted_by")
    private String liftedBy;

    @Column(name = "lifted_reason")
    private String liftedReason;

    @Column(name = "lifted_at")
    private Instant liftedAt;

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
        this.basis = terms.basis();
        this.validFrom = terms.validFrom();
        this.validTo = terms.validTo();
        this.reason = terms.reason();
        this.recordedBy = by.name();
        this.recordedByKey = by.principalKey();
        this.recordedAt = now;
    }

    Bar recorded(Actor by) {
        registerEvent(new BarChanged(
                id,
                subjectType,
                subject(),
                "BAR_RECORDED",
                Map.of("basis", basis, "validFrom", validFrom.toString(), "validTo", validTo.toString()),
                by));
        return this;
    }

    /** Lifted early (on appeal) by another OPS person than the one who recorded it. */
    void lift(String why, Actor by, Instant now) {
        if (status != BarStatus.ACTIVE) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "identity.bar.notActive");
        }
        if (by.principalKey().equals(recordedByKey)) {
            throw new DomainException(ErrorCode.SELF_APPROVAL, "identity.bar.selfLift");
        }
        status = BarStatus.LIFTED;
        liftedBy = by.name();
        liftedReason = why;
        liftedAt = now;
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
        return status == BarStatus.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    BarView view(LocalDate today) {
        return new BarView(
                id,
                subjectType,
                subjectType == BarSubject.PERSON ? idNumber.type() : null,
                subject(),
                basis,
                validFrom,
                validTo,
                reason,
                status,
                inForceOn(today),
                recordedBy,
                recordedAt,
                liftedBy,
                liftedReason,
                liftedAt);
    }
}
