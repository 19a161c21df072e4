package com.realsim.verification.web;

import com.realsim.platform.web.FormErrors;
import com.realsim.verification.IssuedLink;
import com.realsim.verification.ReverificationDocument;
import com.realsim.verification.Reverifications;
import com.realsim.verification.VerificationService;
import java.io.IOException;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A risk re-verification on its case's page, for the agent (or the enterprise admin): at the counter, upload the live
 * photo and the signed fraud-risk notice; or issue the one-time link for the person's phone (its URL and QR code are
 * shown on this answer only).
 */
@Controller
@RequestMapping("/verifications/{id}")
@PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class ReverificationController {

    private final Reverifications reverifications;
    private final VerificationService verifications;

    @PostMapping("/documents")
    String upload(
            @PathVariable long id,
            @RequestParam ReverificationDocument kind,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        FormErrors.attempt(redirect, "verification.reverify.uploaded", () -> reverifications.attach(id, kind, content));
        return "redirect:/verifications/" + id;
    }

    @PostMapping("/self-service-link")
    String link(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Optional<IssuedLink> link = FormErrors.attempt(redirect, () -> reverifications.link(id));
        if (link.isEmpty()) {
            return "redirect:/verifications/" + id;
        }
        model.addAttribute("kase", verifications.get(id));
        model.addAttribute("link", link.get());
        return "verification/reverification-link";
    }
}
