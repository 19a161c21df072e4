package com.realsim.catalogue.domain;

import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorQuotaChanged;
import com.realsim.catalogue.OperatorQuotaSetting;
import com.realsim.catalogue.OperatorSilentPeriodChanged;
import com.realsim.platform.Actor;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An operator's settings: how many cards one identity may hold at it (一证N卡, default 5), and how long its silent
 * period (沉默期) lasts: a card waiting for activation is switched on after it (default 180 days).
 */
@Entity
@Table(name = "operator_setting")
public class OperatorSetting extends AbstractAggregateRoot<OperatorSetting> {

    static final int MAX_LIMIT = 100;
    static final int MAX_SILENT_PERIOD_DAYS = 365;

    @Id
    @Enumerated(EnumType.STRING)
    private Operator operator;

    @Column(nullable = false)
    private int maxCardsPerId;

    @Column(nullable = false)
    private int silentPeriodDays;

    @Column(nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private String updatedBy;

    protected OperatorSetting() {}

    public void changeLimit(int limit, Actor actor, Instant now) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException(new FieldProblem(
                    "maxCardsPerId", ErrorCode.VALIDATION_FAILED, "catalogue.operator.limit", 1, MAX_LIMIT));
        }
        if (limit != maxCardsPerId) {
            registerEvent(new OperatorQuotaChanged(operator, maxCardsPerId, limit, actor));
        }
        this.maxCardsPerId = limit;
        this.updatedAt = now;
        this.updatedBy = actor.name();
    }

    /** Sets how long a card may wait for activation before it is switched on (1 to 365 days). */
    public void changeSilentPeriod(int days, Actor actor, Instant now) {
        if (days < 1 || days > MAX_SILENT_PERIOD_DAYS) {
            throw new ValidationException(new FieldProblem(
                    "silentPeriodDays",
                    ErrorCode.VALIDATION_FAILED,
                    "catalogue.operator.silentPeriod",
                    1,
                    MAX_SILENT_PERIOD_DAYS));
        }
        if (days != silentPeriodDays) {
            registerEvent(new OperatorSilentPeriodChanged(operator, silentPeriodDays, days, actor));
        }
        this.silentPeriodDays = days;
        this.updatedAt = now;
        this.updatedBy = actor.name();
    }

    public Operator operator() {
        return operator;
    }

    public int silentPeriodDays() {
        return silentPeriodDays;
    }

    public OperatorQuotaSetting view() {
        return new OperatorQuotaSetting(operator, maxCardsPerId, updatedAt, updatedBy, silentPeriodDays);
    }
}
