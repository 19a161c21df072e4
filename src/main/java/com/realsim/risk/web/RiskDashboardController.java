package com.realsim.risk.web;

import com.realsim.platform.web.Age;
import com.realsim.platform.web.FormErrors;
import com.realsim.risk.OverdueReverifications;
import com.realsim.risk.RiskAlerts;
import com.realsim.risk.RiskAlerts.DayCount;
import com.realsim.risk.RiskScans;
import com.realsim.risk.RuleCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * OPS' risk dashboard: open alerts by rule and age, alerts opened and closed per day over the last 30 days (a chart,
 * with the same numbers in a table), the latest scans and a button to scan now.
 */
@Controller
@RequestMapping("/risk/dashboard")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class RiskDashboardController {

    static final int DAYS = 30;
    static final int OVERDUE_SHOWN = 20;

    /** An overdue re-verification and how long ago its deadline passed. */
    record OverdueRow(OverdueReverifications.Overdue alert, Age since) {}

    private final RiskAlerts alerts;
    private final RiskScans scans;
    private final OverdueReverifications overdue;
    private final MessageSource messages;
    private final JsonMapper json;

    @GetMapping
    String dashboard(Model model) {
        Map<RuleCode, long[]> open = alerts.openByRuleAndAge();
        List<DayCount> days = alerts.perDay(DAYS);
        model.addAttribute("open", open);
        model.addAttribute("days", days);
        model.addAttribute("chart", chart(days));
        model.addAttribute("scans", scans.recent(10));
        OverdueReverifications.Report late = overdue.report(OVERDUE_SHOWN);
        model.addAttribute("overdueCount", late.count());
        model.addAttribute(
                "overdue",
                late.alerts().stream()
                        .map(a -> new OverdueRow(a, Age.of(a.sinceDeadline())))
                        .toList());
        return "risk/dashboard";
    }

    @PostMapping("/scans")
    String scan(RedirectAttributes redirect) {
        FormErrors.attempt(redirect, () -> scans.start()).ifPresent(scan -> {
            redirect.addFlashAttribute("flashSuccess", "risk.scan.started");
            redirect.addFlashAttribute("flashArgs", new Object[] {scan.id()});
        });
        return "redirect:/risk/dashboard";
    }

    /** The chart's data, as JSON for a {@code data-} attribute: the days and the two series with their labels. */
    private String chart(List<DayCount> days) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> chart = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        List<Long> opened = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        for (DayCount day : days) {
            labels.add(day.day().toString().substring(5));
            opened.add(day.opened());
            closed.add(day.closed());
        }
        chart.put("days", labels);
        chart.put("opened", opened);
        chart.put("closed", closed);
        chart.put("openedLabel", messages.getMessage("risk.dashboard.opened", null, locale));
        chart.put("closedLabel", messages.getMessage("risk.dashboard.closed", null, locale));
        return json.writeValueAsString(chart);
    }
}
