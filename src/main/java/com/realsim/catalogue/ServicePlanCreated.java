package com.realsim.catalogue;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/** An ADMIN created a service plan. */
public record ServicePlanCreated(long planId, ServicePlanSummary plan, Actor by) implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        return AuditFacts.ofPlatform(
                by,
                "SERVICE_PLAN_CREATED",
                "SERVICE_PLAN",
                plan.code(),
                Map.of(
                        "name", plan.name(),
                        "dataDirectional", plan.dataDirectional(),
                        "voice", plan.voice().name(),
                        "sms", plan.sms().name(),
                        "testPackage", plan.testPackage(),
                        "imeiBinding", plan.imeiBinding()));
    }
}
