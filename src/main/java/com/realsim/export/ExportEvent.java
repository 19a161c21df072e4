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
        // the file's name says its kind and format in words the trail shows as they are (no codes with labels)
        details.put(
                "file",
                "realsim-" + kind.name().toLowerCase().replace('_', '-') + "-" + exportId + "." + format.extension());
        if (reason != null) {
            details.put("reason", reason);
        }
        return AuditFacts.by(by, agentId, enterpriseId, action, "EXPORT", exportId, "SUCCESS", details);
    }
}
