package com.realsim.risk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.realsim.platform.web.CursorPage;
import com.realsim.risk.AlertFilter;
import com.realsim.risk.AlertStatus;
import com.realsim.risk.AlertView;
import com.realsim.risk.BulkOutcome;
import com.realsim.risk.RiskAlerts;
import com.realsim.risk.RiskReverifications;
import com.realsim.risk.RuleCode;
import com.realsim.risk.Severity;
import com.realsim.risk.SubjectKind;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API, risk alerts: OPS work them (dismiss with a reason, alone or in bulk, claim and release); agents and
 * enterprise admins read the alerts on their own cards (another tenant's alert answers 404).
 */
@RestController
@Tag(name = "Risk monitoring")
@RequestMapping("/api/v1/risk/alerts")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class RiskAlertApi {

    private final RiskAlerts alerts;
    private final RiskReverifications reverifications;

    record Reason(@NotBlank @Size(max = 1000) String reason) {}

    record BulkDismissal(
            @NotEmpty @Size(max = 500) List<Long> ids,
            @NotBlank @Size(max = 1000) String reason) {}

    record Subject(SubjectKind kind, String value) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AlertAnswer(
            long id,
            RuleCode rule,
            Severity severity,
            AlertStatus status,
            String iccid,
            Subject subject,
            Instant openedAt,
            Instant lastSeenAt,
            Instant deadline,
            String assignee,
            String decisionReason,
            Instant closedAt,
            Instant dismissedUntil,
            Map<String, Object> evidence,
            List<String> cards) {

        static AlertAnswer of(AlertView alert) {
            return new AlertAnswer(
                    alert.id(),
                    alert.rule(),
                    alert.severity(),
                    alert.status(),
                    alert.iccid(),
                    new Subject(alert.subjectKind(), alert.subject()),
                    alert.openedAt(),
                    alert.lastSeenAt(),
                    alert.deadline(),
                    alert.assignee(),
                    alert.decisionReason(),
                    alert.closedAt(),
                    alert.dismissedUntil(),
                    alert.evidence(),
                    alert.cards());
        }
    }

    @GetMapping
    CursorPage<AlertAnswer> listAlerts(
            @RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) RuleCode rule,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) String iccid,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        AlertFilter filter = new AlertFilter(status, rule, severity, iccid, assignee, null);
        return CursorPage.byId(size, cursor, (after, limit) -> alerts.list(filter, after, limit), AlertView::id)
                .map(AlertAnswer::of);
    }

    @GetMapping("/{id}")
    AlertAnswer getAlert(@PathVariable long id) {
        return AlertAnswer.of(alerts.alert(id));
    }

    @PostMapping("/{id}/dismiss")
    @PreAuthorize("hasRole('OPS')")
    AlertAnswer dismissAlert(@PathVariable long id, @Valid @RequestBody Reason request) {
        return AlertAnswer.of(alerts.dismiss(id, request.reason()));
    }

    @PostMapping("/dismiss")
    @PreAuthorize("hasRole('OPS')")
    BulkOutcome dismissAlerts(@Valid @RequestBody BulkDismissal request) {
        return alerts.dismiss(request.ids(), request.reason());
    }

    @PostMapping("/{id}/require-reverification")
    @PreAuthorize("hasRole('OPS')")
    AlertAnswer requireReverification(@PathVariable long id, @Valid @RequestBody Reason request) {
        return AlertAnswer.of(reverifications.require(id, request.reason()));
    }

    @PostMapping("/require-reverification")
    @PreAuthorize("hasRole('OPS')")
    BulkOutcome requireReverifications(@Valid @RequestBody BulkDismissal request) {
        return reverifications.require(request.ids(), request.reason());
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasRole('OPS')")
    AlertAnswer claimAlert(@PathVariable long id) {
        return AlertAnswer.of(alerts.claim(id));
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('OPS')")
    AlertAnswer releaseAlert(@PathVariable long id) {
        return AlertAnswer.of(alerts.release(id));
    }
}
