package com.realsim.catalogue;

import java.time.Instant;

/** A service plan as other modules, pages and the API see it. */
public record ServicePlanSummary(
        long id,
        String code,
        String name,
        boolean dataDirectional,
        ServiceDirection voice,
        ServiceDirection sms,
        boolean testPackage,
        boolean imeiBinding,
        Instant createdAt) {

    /** The wider of voice and SMS: what the real-name rules match as {@code voice_sms}. */
    public ServiceDirection voiceOrSms() {
        return voice.widest(sms);
    }
}
