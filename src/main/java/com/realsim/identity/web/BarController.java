package com.realsim.identity.web;

import com.realsim.identity.BarSubject;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.IdType;
import com.realsim.platform.web.FormErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** OPS: barred identities (断卡 惩戒) — the list, a form to record one, a CSV import, and each bar's page. */
@Controller
@RequestMapping("/bars")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class BarController {

    private final BarredIdentities bars;

    /** An empty form, unless the request already carries one (the page shown again with its errors). */
    @ModelAttribute("barForm")
    BarForm barForm() {
        return new BarForm();
    }

    @GetMapping
    String list(Model model) {
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("bars", bars.list(null, 200));
        model.addAttribute("subjects", List.of(BarSubject.values()));
        model.addAttribute("idTypes", List.of(IdType.values()));
        return "identity/bars";
    }

    @PostMapping
    String record(@ModelAttribute("barForm") BarForm form, BindingResult binding, Model model) {
        if (!binding.hasErrors()) {
            var recorded = FormErrors.attempt(binding, () -> bars.record(form.input()));
            if (recorded.isPresent()) {
                return "redirect:/bars/" + recorded.get().id();
            }
        }
        return page(model);
    }

    @PostMapping("/import")
    String importCsv(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        String csv = file == null ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
        FormErrors.attempt(redirect, () -> bars.importCsv(csv)).ifPresent(done -> {
            redirect.addFlashAttribute("flashSuccess", "identity.bar.imported");
            redirect.addFlashAttribute(
                    "flashArgs", new Object[] {done.recorded(), done.refused().size()});
            redirect.addFlashAttribute("importRefused", done.refused());
        });
        return "redirect:/bars";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("bar", bars.view(id));
        model.addAttribute("cardsHeld", bars.cardsHeld(id));
        return "identity/bar";
    }

    @PostMapping("/{id}/lift")
    String lift(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        FormErrors.attempt(
                redirect,
                "identity.bar.lifted",
                () -> bars.lift(id, reason),
                FormErrors.flashDecision(redirect, "identity.bar.reasonNeeded"));
        return "redirect:/bars/" + id;
    }
}
