package com.realsim.catalogue.domain;

import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanCreated;
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
import java.time.Instant;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A service plan (套餐): what a card may do, which decides how far its real-name must reach. */
@Entity
@Table(name = "service_plan")
public class ServicePlan extends AbstractAggregateRoot<ServicePlan> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean dataDirectional;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceDirection voice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceDirection sms;

    @Column(nullable = false)
    private boolean testPackage;

    @Column(nullable = false)
    private boolean imeiBinding;

    /** How long a test package's test period lasts (days). */
    @Column(nullable = false, updatable = false)
    private int testPeriodDays;

    /** The month's data allowance in MB, null when not known. */
    @Column(updatable = false)
    private Integer monthlyDataMb;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    protected ServicePlan() {}

    public ServicePlan(NewServicePlan plan, String createdBy, Instant now) {
        this.code = plan.code();
        this.name = plan.name();
        this.dataDirectional = plan.dataDirectional();
        this.voice = plan.voice();
        this.sms = plan.sms();
        this.testPackage = plan.testPackage();
        this.imeiBinding = plan.imeiBinding();
        this.testPeriodDays = plan.testPeriodDays();
        this.monthlyDataMb = plan.monthlyDataMb();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void registerCreated(Actor actor) {
        registerEvent(new ServicePlanCreated(id, summary(), actor));
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    public ServicePlanSummary summary() {
        return new ServicePlanSummary(
                id,
                code,
                name,
                dataDirectional,
                voice,
                sms,
                testPackage,
                imeiBinding,
                createdAt,
                testPeriodDays,
                monthlyDataMb);
    }
}
