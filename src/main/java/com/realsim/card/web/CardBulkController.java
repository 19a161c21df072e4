package com.realsim.card.web;

import com.realsim.card.bulk.BulkAction;
import com.realsim.card.bulk.BulkItem;
import com.realsim.card.bulk.BulkLines;
import com.realsim.card.bulk.BulkLink;
import com.realsim.card.bulk.BulkOutcomes;
import com.realsim.card.bulk.BulkView;
import com.realsim.card.bulk.CardBulkActions;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.FormErrors;
import com.realsim.verification.QrCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Bulk actions on cards (docs/card.md, "Bulk actions"): started from the cards ticked on the card list, or from a
 * list of ICCIDs typed or uploaded here; a page per action shows its progress (htmx polls a fragment, a refresh link
 * does the same without JavaScript) and then every card's outcome, downloadable as CSV. Self-service links an action
 * issued are taken once, as a CSV of links or as a printable sheet of QR codes.
 */
@Controller
@RequestMapping("/cards/bulk")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class CardBulkController {

    static final int SHOWN = 500;

    private final CardBulkActions bulks;
    private final BulkOutcomes outcomes;

    @GetMapping
    String page(Model model) {
        model.addAttribute("actions", BulkAction.of(CurrentActor.get().role()));
        model.addAttribute("bulks", bulks.recent(20));
        model.addAttribute("maxCards", CardBulkActions.MAX_CARDS);
        return "card/bulk";
    }

    /**
     * Starts an action on the ICCIDs sent: ticked on the card list ({@code iccid}, repeated), typed one a line
     * ({@code iccids}) or uploaded as a file ({@code file}).
     */
    @PostMapping
    String start(
            @RequestParam(required = false) BulkAction action,
            @RequestParam(required = false) String reason,
            @RequestParam(name = "iccid", required = false) List<String> ticked,
            @RequestParam(required = false) String iccids,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            BulkLines lines;
            if (file != null && !file.isEmpty()) {
                try (InputStream upload = file.getInputStream()) {
                    lines = BulkLines.read(upload, "file");
                }
            } else if (ticked != null && !ticked.isEmpty()) {
                lines = BulkLines.of(ticked, "iccid");
            } else {
                lines = BulkLines.of(iccids == null ? List.of() : Arrays.asList(iccids.split("\\R", -1)), "iccids");
            }
            BulkView bulk = bulks.start(action, reason, lines);
            return "redirect:/cards/bulk/" + bulk.id();
        } catch (ValidationException refused) {
            FieldProblem problem = refused.fieldProblems().get(0);
            redirect.addFlashAttribute("flashError", problem.messageKey());
            redirect.addFlashAttribute("flashArgs", problem.arguments());
            return "redirect:/cards/bulk";
        } catch (DomainException refused) {
            FormErrors.flash(refused, redirect);
            return "redirect:/cards/bulk";
        }
    }

    @GetMapping("/{id}")
    String bulk(@PathVariable long id, Model model) {
        BulkView bulk = bulks.find(id);
        model.addAttribute("bulk", bulk);
        Locale locale = LocaleContextHolder.getLocale();
        List<Row> rows = new ArrayList<>();
        if (bulk.ended()) {
            for (BulkItem item : bulks.items(id, 0, SHOWN)) {
                rows.add(new Row(item, outcomes.outcome(item, locale), outcomes.message(item, locale)));
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("shown", SHOWN);
        return "card/bulk-action";
    }

    /** A line as the page shows it: the outcome's label and its reason in words. */
    record Row(BulkItem item, String outcome, String message) {}

    /** The progress fragment; once the action is done it asks htmx to reload the page, which then lists outcomes. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        BulkView bulk = bulks.find(id);
        model.addAttribute("bulk", bulk);
        if (bulk.ended()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "card/bulk-action :: progress";
    }

    /** Every line's outcome, in the reader's language. */
    @GetMapping("/{id}/results.csv")
    void results(@PathVariable long id, HttpServletResponse response) throws IOException {
        bulks.find(id);
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"card-bulk-" + id + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().get().print(out);
        csv.printRecord("line", "iccid", "outcome", "code", "message");
        int after = 0;
        while (true) {
            List<BulkItem> items = bulks.items(id, after, 1000);
            if (items.isEmpty()) {
                break;
            }
            for (BulkItem item : items) {
                csv.printRecord(
                        item.line(),
                        item.iccid(),
                        item.outcome() == null ? "" : item.outcome(),
                        item.code() == null ? "" : item.code(),
                        outcomes.message(item, locale));
                after = item.line();
            }
        }
        csv.flush();
    }

    /** The issued self-service links, once: as CSV ({@code format=csv}) or as a printable QR sheet. */
    @PostMapping("/{id}/links")
    @PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
    String links(
            @PathVariable long id,
            @RequestParam(defaultValue = "csv") String format,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        List<BulkLink> links;
        try {
            links = bulks.takeLinks(id);
        } catch (DomainException refused) {
            FormErrors.flash(refused, redirect);
            return "redirect:/cards/bulk/" + id;
        }
        response.setHeader("Cache-Control", "no-store");
        if (format.equals("qr")) {
            model.addAttribute("bulk", bulks.find(id));
            model.addAttribute(
                    "codes",
                    links.stream()
                            .map(link -> new Code(link, QrCodes.pngDataUri(link.url())))
                            .toList());
            return "card/bulk-qr";
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"card-links-" + id + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter csv = CSVFormat.DEFAULT.builder().get().print(out);
        csv.printRecord("line", "iccid", "url", "expiresAt");
        for (BulkLink link : links) {
            csv.printRecord(link.line(), link.iccid(), link.url(), link.expiresAt());
        }
        csv.flush();
        return null;
    }

    /** A link on the QR sheet. */
    record Code(BulkLink link, String qr) {}
}
