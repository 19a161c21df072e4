package com.realsim.card.web;

import com.realsim.card.inventory.CardImportService;
import com.realsim.card.inventory.CardImportView;
import com.realsim.platform.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * OPS: upload an inventory file, watch its import run in the background (the page polls a progress fragment with
 * htmx; a refresh link does the same without JavaScript), see the rejected lines and download them as CSV.
 */
@Controller
@RequestMapping("/inventory/imports")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class CardImportController {

    static final int REJECTED_SHOWN = 200;

    private final CardImportService imports;

    @GetMapping
    String list(Model model) {
        model.addAttribute("imports", imports.recent(50));
        return "card/imports";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "card.import.noFile");
            return "redirect:/inventory/imports";
        }
        try (InputStream upload = file.getInputStream()) {
            long id = imports.start(upload, fileName(file), file.getSize(), CurrentActor.get());
            return "redirect:/inventory/imports/" + id;
        }
    }

    @GetMapping("/{id}")
    String job(@PathVariable long id, Model model) {
        CardImportView job = imports.job(id);
        model.addAttribute("job", job);
        model.addAttribute(
                "rejected", job.status().isDone() ? imports.rejected(id, REJECTED_SHOWN) : java.util.List.of());
        model.addAttribute("rejectedShown", REJECTED_SHOWN);
        return "card/import";
    }

    /** The progress fragment; once the job is done it asks htmx to reload the page, which then lists the results. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        CardImportView job = imports.job(id);
        model.addAttribute("job", job);
        if (job.status().isDone()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "card/import :: progress";
    }

    @GetMapping("/{id}/rejected.csv")
    void rejectedCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        imports.job(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rejected-" + id + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeRejected(id, out);
        out.flush();
    }

    /** The uploaded file's name as it is kept and shown: its last path segment, letters, digits and ._- only. */
    static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        name = Path.of(name.replace('\\', '/')).getFileName().toString();
        name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        return name.isEmpty() ? "upload.csv" : name.substring(0, Math.min(255, name.length()));
    }
}
