package com.realsim.risk.web;

import com.realsim.platform.ChinaTime;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.web.Age;
import com.realsim.platform.web.FormErrors;
import com.realsim.risk.AlertFilter;
import com.realsim.risk.AlertStatus;
import com.realsim.risk.AlertView;
import com.realsim.risk.CardHistory;
import com.realsim.risk.RiskAlerts;
import com.realsim.risk.RuleCode;
import com.realsim.risk.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Risk alerts: OPS' queue (filter by status, rule, severity, age and assignee; claim, release, dismiss with a reason,
 * alone or in bulk) and each alert's page with its evidence; agents and enterprise admins see the alerts on their own
 * cards, read-only.
 */
@Controller
@RequestMapping("/risk/alerts")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class RiskAlertController {

    static final int PAGE = 50;

    private final RiskAlerts alerts;
    private final CardHistory history;
    private final Clock clock;

    /** A row of the queue: the alert and how long it has been open. */
    record Row(AlertView alert, Age age) {}

    @GetMapping
    String list(
            @RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) RuleCode rule,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) Integer olderThanDays,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) Long after,
            Model model) {
        String who = null;
        if ("ME".equals(assignee)) {
            who = CurrentActor.get().name();
        } else if ("NOBODY".equals(assignee)) {
            who = AlertFilter.UNASSIGNED;
        }
        Duration older = olderThanDays == null || olderThanDays < 1 ? null : Duration.ofDays(olderThanDays);
        AlertFilter filter = new AlertFilter(status, rule, severity, null, who, older);
        List<AlertView> page = alerts.list(filter, after, PAGE + 1);
        List<Row> rows = page.stream()
                .limit(PAGE)
                .map(a -> new Row(a, Age.of(Duration.between(a.openedAt(), clock.instant()))))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "nextUrl",
                page.size() > PAGE
                        ? ServletUriComponentsBuilder.fromCurrentRequest()
                                .replaceQueryParam(
                                        "after", rows.get(PAGE - 1).alert().id())
                                .build()
                                .toUriString()
                        : null);
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("rules", RuleCode.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("status", status);
        model.addAttribute("rule", rule);
        model.addAttribute("severity", severity);
        model.addAttribute("olderThanDays", olderThanDays);
        model.addAttribute("assignee", assignee);
        model.addAttribute("ops", CurrentActor.get().is(Role.OPS));
        return "risk/alerts";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        AlertView alert = alerts.alert(id);
        model.addAttribute("alert", alert);
        model.addAttribute("evidence", evidence(alert));
        model.addAttribute("age", Age.of(Duration.between(alert.openedAt(), clock.instant())));
        model.addAttribute("ops", CurrentActor.get().is(Role.OPS));
        model.addAttribute("mine", CurrentActor.get().name().equals(alert.assignee()));
        String card = alert.iccid() != null
                ? alert.iccid()
                : alert.cards().size() == 1 ? alert.cards().get(0) : null;
        model.addAttribute("historyCard", card);
        model.addAttribute("history", card == null ? List.of() : history.of(card));
        return "risk/alert";
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("hasRole('OPS')")
    String claim(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.alert.claimed", () -> alerts.claim(id));
        return back(id, back);
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('OPS')")
    String release(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.alert.released", () -> alerts.release(id));
        return back(id, back);
    }

    @PostMapping("/{id}/dismiss")
    @PreAuthorize("hasRole('OPS')")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "risk.alert.dismissed", () -> alerts.dismiss(id, reason));
        return "redirect:/risk/alerts/" + id;
    }

    @PostMapping("/dismiss")
    @PreAuthorize("hasRole('OPS')")
    String dismissAll(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        FormErrors.attempt(redirect, () -> alerts.dismiss(ids == null ? List.of() : ids, reason))
                .ifPresent(outcome -> {
                    redirect.addFlashAttribute("flashSuccess", "risk.alert.bulkDismissed");
                    redirect.addFlashAttribute("flashArgs", new Object[] {
                        outcome.done().size(), outcome.skipped().size()
                    });
                });
        return "redirect:/risk/alerts";
    }

    /** A line of an alert's evidence: its key and its values as text (a list gives one value per item). */
    record EvidenceLine(String key, List<String> values) {}

    private static List<EvidenceLine> evidence(AlertView alert) {
        return alert.evidence().entrySet().stream()
                .map(entry -> new EvidenceLine(
                        entry.getKey(),
                        entry.getValue() instanceof Collection<?> items
                                ? items.stream().map(RiskAlertController::text).toList()
                                : List.of(text(entry.getValue()))))
                .toList();
    }

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A value as a person reads it: nothing as a dash, an instant (jsonb keeps them with an offset) in China time. */
    private static String text(Object value) {
        if (value == null) {
            return "—";
        }
        String text = String.valueOf(value);
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(ChinaTime.ZONE).format(SHOWN);
        } catch (DateTimeParseException notAnInstant) {
            return text;
        }
    }

    private static String back(long id, String back) {
        return "queue".equals(back) ? "redirect:/risk/alerts" : "redirect:/risk/alerts/" + id;
    }
}
