package com.realsim.platform.web;

import com.realsim.platform.ChinaTime;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Series;
import com.realsim.platform.web.Dashboard.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard every signed-in user lands on (the panels the modules contribute for the actor's role, merged by id
 * and resolved in the reader's language), and the login page.
 */
@Controller
@RequiredArgsConstructor
class HomeController {

    /** A figure as the page shows it. */
    record Row(String label, Long value, String path, String detail, String tone) {}

    /** A panel as the page shows it: its rows, and the chart's data as JSON for the script. */
    record View(String id, String title, String chart, List<Row> rows, String note, String chartData) {}

    private final List<Dashboard.Contribution> contributions;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    @GetMapping("/")
    String dashboard(Model model) {
        var actor = CurrentActor.get();
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Panel> merged = new LinkedHashMap<>();
        contributions.stream()
                .flatMap(contribution -> contribution.panelsFor(actor).stream())
                .sorted(Comparator.comparingInt(Panel::order))
                .forEach(panel -> merged.merge(panel.id(), panel, HomeController::merge));
        LocalDate today = ChinaTime.today(clock);
        model.addAttribute(
                "panels",
                merged.values().stream().map(p -> view(p, today, locale)).toList());
        return "dashboard";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    private static Panel merge(Panel first, Panel second) {
        List<Figure> figures = new ArrayList<>(first.figures());
        figures.addAll(second.figures());
        List<Series> series = new ArrayList<>(first.series());
        series.addAll(second.series());
        return new Panel(
                first.id(),
                first.title(),
                first.order(),
                first.chart(),
                figures,
                Math.max(first.days(), second.days()),
                series,
                first.note() != null ? first.note() : second.note());
    }

    private View view(Panel panel, LocalDate today, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (Figure figure : panel.figures()) {
            rows.add(new Row(
                    text(figure.label(), locale),
                    figure.value(),
                    figure.path(),
                    figure.detail() == null ? null : text(figure.detail(), locale),
                    figure.tone()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", panel.chart().name());
        if (panel.chart() == Chart.DAYS) {
            List<String> days = new ArrayList<>();
            for (int i = panel.days() - 1; i >= 0; i--) {
                days.add(today.minusDays(i).toString().substring(5));
            }
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Series series : panel.series()) {
                List<Long> values = new ArrayList<>();
                long total = 0;
                for (int i = panel.days() - 1; i >= 0; i--) {
                    long value = series.perDay().getOrDefault(today.minusDays(i), 0L);
                    values.add(value);
                    total += value;
                }
                String label = text(series.label(), locale);
                rows.add(new Row(label, total, series.path(), null, series.tone()));
                lines.add(Map.of("name", label, "values", values, "tone", series.tone()));
            }
            chart.put("days", days);
            chart.put("series", lines);
        } else {
            List<Map<String, Object>> bars = new ArrayList<>();
            for (Row row : rows) {
                if (row.value() != null) {
                    Map<String, Object> bar = new LinkedHashMap<>();
                    bar.put("label", row.label());
                    bar.put("value", row.value());
                    bar.put("tone", row.tone());
                    bar.put("path", row.path());
                    bars.add(bar);
                }
            }
            chart.put("bars", bars);
        }
        return new View(
                panel.id(),
                text(panel.title(), locale),
                panel.chart().name(),
                rows,
                panel.note() == null ? null : text(panel.note(), locale),
                panel.chart() == Chart.NONE ? null : json.writeValueAsString(chart));
    }

    private String text(Text text, Locale locale) {
        if (text.plain() != null) {
            return text.plain();
        }
        Object[] args = text.args().stream()
                .map(arg -> arg instanceof Text nested ? text(nested, locale) : arg)
                .toArray();
        return messages.getMessage(text.key(), args, locale);
    }
}
