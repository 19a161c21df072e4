package com.realsim.export;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An export made ({@code EXPORT_CREATED}), its full version asked for ({@code PERSONAL_DATA_UNMASKED}, with the
 * reason) or its file downloaded ({@code EXPORT_DOWNLOADED}), recorded for the export's tenant.
 */
public record ExportEvent(
        String action,
        long exportId,
        ExportKind kind,
        ExportFormat format,
        Map<String, String> filter,
        String reason,
        Actor by,
        Long agentId,
        Long enterpriseId)
        implements AuditedEvent {

    static final String CREATED = "EXPORT_CREATED";
    static final String UNMASKED = "PERSONAL_DATA_UNMASKED";
    static final String DOWNLOADED = "EXPORT_DOWNLOADED";

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("format", format.name());
        if (filter != null && !filter.isEmpty()) {
            details.put("filter", Map.copyOf(filter));
        }
        if (reason != null) {
            details.put("reason", reason);
        }
        return AuditFacts.by(by, agentId, enterpriseId, action, "EXPORT", exportId, "SUCCESS", details);
    }
}
