package com.realsim.document;

import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import java.time.Instant;
import java.util.Map;

/** A file was stored for a record; the audit trail shows who uploaded what kind of file where. */
public record DocumentStored(
        long documentId,
        String ownerType,
        long ownerId,
        String kind,
        String contentType,
        long sizeBytes,
        String sha256,
        Long agentId,
        Long enterpriseId,
        String actor,
        Role role,
        Instant at)
        implements AuditedEvent {

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = Map.of(
                "ownerType", ownerType,
                "ownerId", ownerId,
                "kind", kind,
                "contentType", contentType,
                "sizeBytes", sizeBytes,
                "sha256", sha256);
        String target = String.valueOf(documentId);
        return new AuditFacts(
                actor, role, agentId, enterpriseId, "DOCUMENT_STORED", "DOCUMENT", target, "SUCCESS", details);
    }
}
