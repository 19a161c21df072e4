package com.realsim.catalogue.domain;

import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNameRequirement;
import com.realsim.catalogue.RealNameRuleChanged;
import com.realsim.catalogue.RealNameRuleDefinition;
import com.realsim.catalogue.RealNameRuleView;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.platform.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One row of the real-name policy: what it matches (number prefix, test package, data direction, the wider of
 * voice and SMS; null matches anything) and what it yields (end user required or not, and how that can be waived).
 */
@Entity
@Table(name = "real_name_rule")
public class RealNameRule extends AbstractAggregateRoot<RealNameRule> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int priority;

    @Column(nullable = false)
    private String code;

    private String msisdnPrefix;

    private Boolean testPackage;

    private Boolean dataDirectional;

    @Enumerated(EnumType.STRING)
    private ServiceDirection voiceSms;

    @Column(nullable = false)
    private boolean endUserRequired;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExceptionKind exceptionKind;

    @Column(nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private String updatedBy;

    @Version
    private long version;

    protected RealNameRule() {}

    public RealNameRule(RealNameRuleDefinition definition, Actor actor, Instant now) {
        apply(definition, actor, now);
    }

    /** Whether the rule fits a card of this plan and number (its MSISDN); a null match column fits anything. */
    public boolean matches(ServicePlanSummary plan, String number) {
        return (msisdnPrefix == null || number.startsWith(msisdnPrefix))
                && (testPackage == null || testPackage == plan.testPackage())
                && (dataDirectional == null || dataDirectional == plan.dataDirectional())
                && (voiceSms == null || voiceSms == plan.voiceOrSms());
    }

    public RealNameRequirement requirement() {
        return new RealNameRequirement(code, endUserRequired, exceptionKind, id);
    }

    public void change(RealNameRuleDefinition definition, Actor actor, Instant now) {
        RealNameRuleDefinition before = definition();
        apply(definition, actor, now);
        registerEvent(new RealNameRuleChanged(id, before, definition, actor));
    }

    public void registerCreated(Actor actor) {
        registerEvent(new RealNameRuleChanged(id, null, definition(), actor));
    }

    private void apply(RealNameRuleDefinition definition, Actor actor, Instant now) {
        this.priority = definition.priority();
        this.code = definition.code();
        this.msisdnPrefix = definition.msisdnPrefix();
        this.testPackage = definition.testPackage();
        this.dataDirectional = definition.dataDirectional();
        this.voiceSms = definition.voiceSms();
        this.endUserRequired = definition.endUserRequired();
        this.exceptionKind = definition.exceptionKind();
        this.updatedAt = now;
        this.updatedBy = actor.name();
    }

    RealNameRuleDefinition definition() {
        return new RealNameRuleDefinition(
                priority, code, msisdnPrefix, testPackage, dataDirectional, voiceSms, endUserRequired, exceptionKind);
    }

    public RealNameRuleView view() {
        return new RealNameRuleView(id, definition(), updatedAt, updatedBy);
    }

    Long id() {
        return id;
    }
}
