package com.realsim.risk.channels;

import com.realsim.platform.web.FormErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent figures page (OPS, ADMIN): a table of every agent's figures over a period, sorted by the figure chosen,
 * and a bar chart of that figure per agent. The table carries every number, so the page reads without JavaScript.
 */
@Controller
@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
@RequiredArgsConstructor
class ChannelFiguresController {

    static final String PATH = "/agent-figures";

    private final ChannelFigures figures;
    private final MessageSource messages;
    private final JsonMapper json;

    @GetMapping(PATH)
    String page(@ModelAttribute("filter") FiguresFilter filter, BindingResult binding, Model model) {
        model.addAttribute("figures", AgentFigure.values());
        if (binding.hasErrors()) {
            return "channels/figures";
        }
        Optional<FiguresReport> report =
                FormErrors.attempt(binding, () -> figures.figures(filter.getSort(), filter.getFrom(), filter.getTo()));
        report.ifPresent(shown -> {
            filter.setSort(shown.sort());
            filter.setFrom(shown.from());
            filter.setTo(shown.to());
            model.addAttribute("report", shown);
            model.addAttribute("chart", chart(shown));
            model.addAttribute(
                    "figureName",
                    messages.getMessage(shown.sort().messageKey(), null, LocaleContextHolder.getLocale()));
        });
        return "channels/figures";
    }

    /** The chart's data, as JSON for a {@code data-} attribute: the sorted figure's name, and one bar per agent. */
    private String chart(FiguresReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> bars = new ArrayList<>();
        for (AgentFigures agent : report.agents()) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("label", agent.name());
            bar.put("value", report.sort().of(agent));
            bars.add(bar);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("figure", messages.getMessage(report.sort().messageKey(), null, locale));
        chart.put("bars", bars);
        return json.writeValueAsString(chart);
    }
}
