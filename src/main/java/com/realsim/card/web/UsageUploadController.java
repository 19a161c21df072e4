package com.realsim.card.web;

import com.realsim.card.usage.UsageUploadService;
import com.realsim.card.usage.UsageUploadView;
import com.realsim.platform.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * OPS: upload a usage file ({@code iccid,date,dataKb,smsCount,voiceSeconds,imei,nonDirectionalKb}) and watch it run in
 * the background as the inventory import page does (htmx polls a progress fragment; a refresh link does the same
 * without JavaScript), then see its rejected lines.
 */
@Controller
@RequestMapping("/usage-uploads")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class UsageUploadController {

    static final int REJECTED_SHOWN = 200;

    private final UsageUploadService uploads;

    @GetMapping
    String list(Model model) {
        model.addAttribute("uploads", uploads.recent(50));
        return "card/usage-uploads";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "card.import.noFile");
            return "redirect:/usage-uploads";
        }
        try (InputStream upload = file.getInputStream()) {
            long id = uploads.start(upload, CardImportController.fileName(file), file.getSize(), CurrentActor.get());
            return "redirect:/usage-uploads/" + id;
        }
    }

    @GetMapping("/{id}")
    String upload(@PathVariable long id, Model model) {
        UsageUploadView upload = uploads.upload(id);
        model.addAttribute("upload", upload);
        model.addAttribute("rejected", upload.done() ? uploads.rejected(id, REJECTED_SHOWN) : List.of());
        model.addAttribute("rejectedShown", REJECTED_SHOWN);
        return "card/usage-upload";
    }

    /** The progress fragment; once the upload is done it asks htmx to reload the page, which then lists the results. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        UsageUploadView upload = uploads.upload(id);
        model.addAttribute("upload", upload);
        if (upload.done()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "card/usage-upload :: progress";
    }
}
