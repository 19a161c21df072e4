package com.realsim.identity;

import com.realsim.platform.Actor;
import java.time.LocalDate;
import java.util.Map;

/** Published when OPS record a bar; the subject is masked. */
public record BarRecorded(
        long barId,
        BarSubject subjectType,
        String subject,
        String basis,
        LocalDate validFrom,
        LocalDate validTo,
        Actor by)
        implements BarEvent {

    @Override
    public String action() {
        return "BAR_RECORDED";
    }

    @Override
    public Map<String, Object> more() {
        return Map.of("basis", basis, "validFrom", validFrom.toString(), "validTo", validTo.toString());
    }
}
