package com.realsim.risk.api;

import com.realsim.risk.HandsetTacImport;
import com.realsim.risk.RiskRuleView;
import com.realsim.risk.RiskRules;
import com.realsim.risk.RiskSettings;
import com.realsim.risk.RuleChange;
import com.realsim.risk.RuleCode;
import com.realsim.risk.Severity;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Partner API, risk monitoring: the rules (OPS and ADMIN read them; ADMIN changes them), settings, handset codes. */
@RestController
@Tag(name = "Risk monitoring", description = "Rules as data, scans and alerts.")
@RequestMapping("/api/v1/risk")
@PreAuthorize("hasAnyRole('ADMIN', 'OPS')")
@RequiredArgsConstructor
class RiskRuleApi {

    private final RiskRules rules;

    record RuleBody(Boolean enabled, Severity severity, Map<String, Object> parameters) {}

    record SettingsBody(Duration reverificationDeadline, Duration dismissalCooldown) {}

    @GetMapping("/rules")
    List<RiskRuleView> listRules() {
        return rules.list();
    }

    @GetMapping("/rules/{code}")
    RiskRuleView getRule(@PathVariable RuleCode code) {
        return rules.rule(code);
    }

    @PutMapping("/rules/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    RiskRuleView changeRule(@PathVariable RuleCode code, @RequestBody RuleBody request) {
        return rules.change(code, new RuleChange(request.enabled(), request.severity(), request.parameters()));
    }

    @GetMapping("/settings")
    RiskSettings getSettings() {
        return rules.settings();
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    RiskSettings changeSettings(@RequestBody SettingsBody request) {
        return rules.change(request.reverificationDeadline(), request.dismissalCooldown());
    }

    /** {@code text/csv} with the header {@code tac,model}. */
    @PostMapping(path = "/handset-tacs", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    HandsetTacImport importHandsetTacs(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return rules.importHandsetTacs(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
