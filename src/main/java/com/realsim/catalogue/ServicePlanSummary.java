package com.realsim.catalogue;

import java.time.Instant;

/**
 * A service plan as other modules, pages and the API see it. {@code testPeriodDays}: how long a test package's test
 * period lasts; {@code monthlyDataMb} the month's data allowance, null when not known.
 */
public record ServicePlanSummary(
        long id,
        String code,
        String name,
        boolean dataDirectional,
        ServiceDirection voice,
        ServiceDirection sms,
        boolean testPackage,
        boolean imeiBinding,
        Instant createdAt,
        int testPeriodDays,
        Integer monthlyDataMb) {

    /** A plan with the default test period. */
    public ServicePlanSummary(
            long id,
            String code,
            String name,
            boolean dataDirectional,
            ServiceDirection voice,
            ServiceDirection sms,
            boolean testPackage,
            boolean imeiBinding,
            Instant createdAt) {
        this(
                id,
                code,
                name,
                dataDirectional,
                voice,
                sms,
                testPackage,
                imeiBinding,
                createdAt,
                NewServicePlan.DEFAULT_TEST_PERIOD_DAYS);
    }

    /** A plan whose monthly data allowance is not known. */
    public ServicePlanSummary(
            long id,
            String code,
            String name,
            boolean dataDirectional,
            ServiceDirection voice,
            ServiceDirection sms,
            boolean testPackage,
            boolean imeiBinding,
            Instant createdAt,
            int testPeriodDays) {
        this(id, code, name, dataDirectional, voice, sms, testPackage, imeiBinding, createdAt, testPeriodDays, null);
    }

    /** The wider of voice and SMS: what the real-name rules match as {@code voice_sms}. */
    public ServiceDirection voiceOrSms() {
        return voice.widest(sms);
    }
}
