package com.realsim.catalogue.domain;

import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorQuotaChanged;
import com.realsim.catalogue.OperatorQuotaSetting;
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

    public Operator operator() {
        return operator;
    }

    public int silentPeriodDays() {
        return silentPeriodDays;
    }

    public OperatorQuotaSetting view() {
        return new OperatorQuotaSetting(operator, maxCardsPerId, updatedAt, updatedBy);
    }
}
