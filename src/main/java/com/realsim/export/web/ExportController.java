package com.realsim.export.web;

import com.realsim.card.CardState;
import com.realsim.catalogue.Operator;
import com.realsim.export.ExportFormat;
import com.realsim.export.ExportKind;
import com.realsim.export.ExportView;
import com.realsim.export.Exports;
import com.realsim.order.OrderStatus;
import com.realsim.order.OrderType;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The exports page: make an export of a list (its filter as the list's), see one's tenant's recent exports, follow
 * one while it is written (the page polls a progress fragment with htmx; a refresh link does the same without
 * JavaScript) and download its file.
 */
@Controller
@RequestMapping("/exports")
@PreAuthorize("hasAnyRole('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class ExportController {

    static final int SHOWN = 50;

    private final Exports exports;

    /** The form: a kind, a format, the kind's filter and, for OPS' full operator report, a reason. */
    @Getter
    @Setter
    static class ExportForm {
        private ExportKind kind;
        private ExportFormat format = ExportFormat.CSV;
        private String state;
        private String operator;
        private String enterpriseId;
        private String status;
        private String type;
        private String action;
        private String targetType;
        private String from;
        private String to;
        private boolean unmasked;
        private String reason;

        Map<String, String> filter() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("state", state);
            values.put("operator", operator);
            values.put("enterpriseId", enterpriseId);
            values.put("status", status);
            values.put("type", type);
            values.put("action", action);
            values.put("targetType", targetType);
            values.put("from", from);
            values.put("to", to);
            Map<String, String> taken = new LinkedHashMap<>();
            if (kind != null) {
                kind.filterKeys().forEach(key -> taken.put(key, values.get(key)));
            }
            return taken;
        }
    }

    @GetMapping
    String list(@ModelAttribute("exportForm") ExportForm form, Model model) {
        return page(model);
    }

    @PostMapping
    String create(@ModelAttribute("exportForm") ExportForm form, BindingResult errors, Model model) {
        Optional<ExportView> made = FormErrors.attempt(errors, () -> {
            try {
                return exports.create(
                        form.getKind(), form.getFormat(), form.filter(), form.isUnmasked(), form.getReason());
            } catch (ValidationException refused) {
                throw new ValidationException(refused.fieldProblems().stream()
                        .map(p -> new FieldProblem(
                                p.field().replaceFirst("^filter\\.", ""), p.code(), p.messageKey(), p.arguments()))
                        .toList());
            }
        });
        return made.map(export -> "redirect:/exports/" + export.id()).orElseGet(() -> page(model));
    }

    @GetMapping("/{id}")
    String export(@PathVariable long id, Model model) {
        model.addAttribute("export", exports.export(id));
        return "export/detail";
    }

    /** The progress fragment; once the export is finished it asks htmx to reload the page. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        ExportView export = exports.export(id);
        model.addAttribute("export", export);
        if (export.status().isFinished()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "export/detail :: progress";
    }

    @GetMapping("/{id}/file")
    void file(@PathVariable long id, HttpServletResponse response) throws IOException {
        Exports.Download download = exports.download(id);
        response.setContentType(download.export().format().contentType());
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + download.export().fileName() + "\"");
        try (InputStream content = download.content()) {
            content.transferTo(response.getOutputStream());
        }
    }

    private String page(Model model) {
        Role role = CurrentActor.get().role();
        model.addAttribute("exports", exports.recent(SHOWN));
        model.addAttribute(
                "kinds",
                Arrays.stream(ExportKind.values()).filter(k -> k.allows(role)).toList());
        model.addAttribute("formats", List.of(ExportFormat.values()));
        model.addAttribute("states", List.of(CardState.values()));
        model.addAttribute("operators", List.of(Operator.values()));
        model.addAttribute("orderStatuses", List.of(OrderStatus.values()));
        model.addAttribute("orderTypes", List.of(OrderType.values()));
        model.addAttribute("mayUnmask", role == Role.OPS);
        return "export/list";
    }
}
