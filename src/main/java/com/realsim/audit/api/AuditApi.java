package com.realsim.audit.api;

import com.realsim.audit.AuditEntry;
import com.realsim.audit.AuditQuery;
import com.realsim.audit.AuditTrail;
import com.realsim.audit.ChainVerification;
import com.realsim.platform.Role;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: the trail within the caller's tenant scope, newest first; {@code GET
 * /api/v1/audit/verify} (ADMIN): recomputes the hash chain. See docs/audit.md.
 */
@RestController
@Tag(
        name = "Audit",
        description = "The append-only, hash-chained audit trail: who did what, when, to which record, and a check "
                + "that the chain is unbroken.")
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class AuditApi {

    private final AuditTrail trail;

    @GetMapping
    CursorPage<Entry> listAuditEntries(
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return trail.visible(AuditQuery.of(targetType, targetId, actor, action, from, to, size, cursor))
                .map(Entry::of);
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    Verification verifyAuditChain() {
        ChainVerification result = trail.verify();
        return new Verification(result.ok(), result.checked(), result.firstBroken());
    }

    /**
     * One entry; {@code at} is when the trail recorded it, {@code occurredAt} when the event happened (null for entries
     * recorded before the trail kept it); {@code tenant} names the agent organisation and enterprise the target
     * belongs to, if any.
     */
    record Entry(
            long id,
            Instant at,
            Instant occurredAt,
            String actor,
            Role role,
            Tenant tenant,
            String action,
            String targetType,
            String targetId,
            String outcome,
            Map<String, Object> details) {

        static Entry of(AuditEntry e) {
            return new Entry(
                    e.id(),
                    e.at(),
                    e.occurredAt(),
                    e.actor(),
                    e.role(),
                    new Tenant(e.agentId(), e.enterpriseId()),
                    e.action(),
                    e.targetType(),
                    e.targetId(),
                    e.outcome(),
                    e.details());
        }
    }

    record Tenant(Long agentId, Long enterpriseId) {}

    @Schema(name = "AuditChainVerification") // not the order's Verification: one schema per name
    record Verification(boolean ok, long checked, Long firstBroken) {}
}
