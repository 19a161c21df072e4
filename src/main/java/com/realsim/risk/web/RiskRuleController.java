package com.realsim.risk.web;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.FormErrors;
import com.realsim.risk.RiskRules;
import com.realsim.risk.RuleChange;
import com.realsim.risk.RuleCode;
import com.realsim.risk.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN: the risk rules as data — each rule on or off, its severity and parameters (within their ranges) — the
 * settings (re-verification deadline, dismissal cooldown) and the import of handset type allocation codes.
 */
@Controller
@RequestMapping("/admin/risk/rules")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class RiskRuleController {

    static final String PARAMETER = "parameter.";

    private final RiskRules rules;

    @GetMapping
    String rules(Model model) {
        model.addAttribute("rules", rules.list());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("settings", rules.settings());
        model.addAttribute("tacs", rules.handsetTacCount());
        return "risk/rules";
    }

    /** A rule's form: {@code enabled} (a checkbox), {@code severity} and {@code parameter.<name>} for each parameter. */
    @PostMapping("/{code}")
    String change(@PathVariable RuleCode code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.rule.changed", () -> rules.change(code, change(form)), refusal -> {
            FormErrors.flash(refusal, redirect);
            redirect.addFlashAttribute("refusedRule", code.name());
            redirect.addFlashAttribute(
                    "refusedFields",
                    refusal.fieldProblems().stream().map(FieldProblem::field).toList());
        });
        return "redirect:/admin/risk/rules";
    }

    private static RuleChange change(Map<String, String> form) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(PARAMETER)) {
                String parameter = name.substring(PARAMETER.length());
                try {
                    parameters.put(parameter, new BigDecimal(value.strip()));
                } catch (NumberFormatException notANumber) {
                    parameters.put(parameter, value);
                }
            }
        });
        Severity severity;
        try {
            severity = Severity.valueOf(form.getOrDefault("severity", ""));
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException(
                    new FieldProblem("severity", ErrorCode.VALIDATION_FAILED, "validation.invalid"));
        }
        return new RuleChange(
                "on".equals(form.get("enabled")) || "true".equals(form.get("enabled")), severity, parameters);
    }

    @PostMapping("/settings")
    String settings(
            @RequestParam(required = false) String reverificationDeadline,
            @RequestParam(required = false) String dismissalCooldown,
            RedirectAttributes redirect) {
        FormErrors.attempt(
                redirect,
                "risk.settings.changed",
                () -> rules.change(
                        duration(reverificationDeadline, "reverificationDeadline", "risk.settings.deadline.range"),
                        duration(dismissalCooldown, "dismissalCooldown", "risk.settings.cooldown.range")));
        return "redirect:/admin/risk/rules";
    }

    private static Duration duration(String text, String field, String key) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException bad) {
            throw new ValidationException(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, key));
        }
    }

    @PostMapping("/handset-tacs")
    String importTacs(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        String csv = file == null ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
        FormErrors.attempt(redirect, () -> rules.importHandsetTacs(csv)).ifPresent(done -> {
            redirect.addFlashAttribute("flashSuccess", "risk.tac.imported");
            redirect.addFlashAttribute(
                    "flashArgs", new Object[] {done.imported(), done.rejected().size()});
            redirect.addFlashAttribute("tacRejected", done.rejected());
        });
        return "redirect:/admin/risk/rules";
    }
}
