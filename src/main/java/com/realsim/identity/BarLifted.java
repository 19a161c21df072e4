package com.realsim.identity;

import com.realsim.platform.Actor;
import java.util.Map;

/** Published when a second OPS person lifts a bar early; the subject is masked. */
public record BarLifted(long barId, BarSubject subjectType, String subject, String reason, Actor by)
        implements BarEvent {

    @Override
    public String action() {
        return "BAR_LIFTED";
    }

    @Override
    public Map<String, Object> more() {
        return Map.of("reason", reason);
    }
}
