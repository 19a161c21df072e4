package com.realsim.verification.web;

import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.web.FormErrors;
import com.realsim.verification.EndUserSubmission;
import com.realsim.verification.Reverifications;
import com.realsim.verification.SelfServiceAttempts;
import com.realsim.verification.SelfServiceLinks;
import com.realsim.verification.SubmissionOutcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The end user's self-service pages under {@code /s/{token}}, open without an account (the token is the
 * entitlement): what is asked and why, the privacy notice, the form, and the result. An unknown, used or expired link
 * answers one and the same "link not valid" page (404); too many attempts answer a friendly 429 page. Answers are
 * never cached.
 */
@Controller
@RequestMapping("/s/{token}")
@PreAuthorize("permitAll()")
@RequiredArgsConstructor
class SelfServiceController {

    private final SelfServiceLinks links;
    private final SelfServiceAttempts attempts;
    private final Reverifications reverifications;
    private final Clock clock;

    @ModelAttribute("idTypes")
    IdType[] idTypes() {
        return IdType.values();
    }

    @GetMapping
    String form(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        noStore(response);
        Visit visit = visit(token, request);
        if (visit.link().isEmpty()) {
            return visit.limited() ? limited(response) : invalid(response);
        }
        model.addAttribute("link", visit.link().get());
        model.addAttribute("token", token);
        if (visit.link().get().reverification()) {
            model.addAttribute("form", new ReverificationForm());
            return "verification/self-reverification";
        }
        model.addAttribute("form", new SelfServiceForm());
        return "verification/self-service";
    }

    /** A risk re-verification's submission: the live photo and the accepted fraud-risk notice. */
    @PostMapping("/reverification")
    String submitReverification(
            @PathVariable String token,
            @Valid @ModelAttribute("form") ReverificationForm form,
            BindingResult binding,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        noStore(response);
        Visit visit = visit(token, request);
        if (visit.link().isEmpty() || !visit.link().get().reverification()) {
            return visit.limited() ? limited(response) : invalid(response);
        }
        model.addAttribute("link", visit.link().get());
        model.addAttribute("token", token);
        if (!attempts.trySubmit(visit.link().get().linkId())) {
            return limited(response);
        }
        byte[] live = photo(form.getLivePhoto(), "livePhoto", binding);
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "verification/self-reverification";
        }
        try {
            SubmissionOutcome outcome = reverifications.submit(token, live, form.isNoticeAccepted());
            redirect.addFlashAttribute("outcome", outcome.status().name());
            redirect.addFlashAttribute("reference", String.valueOf(outcome.caseId()));
            return "redirect:/s/" + token + "/done";
        } catch (NotFoundException gone) {
            return invalid(response);
        } catch (DomainException refused) {
            // a file that is not an image: shown above the form
            binding.reject(
                    refused.messageKey(),
                    refused.messageArguments(),
                    refused.code().name());
            response.setStatus(refused.code().status().value());
            return "verification/self-reverification";
        }
    }

    @PostMapping
    String submit(
            @PathVariable String token,
            @Valid @ModelAttribute("form") SelfServiceForm form,
            BindingResult binding,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        noStore(response);
        Visit visit = visit(token, request);
        if (visit.link().isEmpty() || visit.link().get().reverification()) {
            return visit.limited() ? limited(response) : invalid(response);
        }
        model.addAttribute("link", visit.link().get());
        model.addAttribute("token", token);
        if (!attempts.trySubmit(visit.link().get().linkId())) {
            return limited(response);
        }
        IdDocument document = null;
        if (!binding.hasFieldErrors("idType") && !binding.hasFieldErrors("idNumber")) {
            try {
                document = IdDocument.of(form.getIdType(), form.getIdNumber(), "idNumber", clock);
            } catch (DomainException invalid) {
                FormErrors.show(invalid, binding);
            }
        }
        byte[] front = photo(form.getIdFront(), "idFront", binding);
        byte[] back = form.getIdBack() == null ? new byte[0] : form.getIdBack().getBytes();
        byte[] live = photo(form.getLivePhoto(), "livePhoto", binding);
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "verification/self-service";
        }
        try {
            SubmissionOutcome outcome = links.redeem(
                    token,
                    new EndUserSubmission(
                            form.getName().strip(),
                            document,
                            form.getIdAddress().strip(),
                            front,
                            back,
                            live));
            redirect.addFlashAttribute("outcome", outcome.status().name());
            redirect.addFlashAttribute("reference", String.valueOf(outcome.caseId()));
            return "redirect:/s/" + token + "/done";
        } catch (NotFoundException gone) {
            return invalid(response);
        } catch (DomainException refused) {
            // e.g. QUOTA_EXCEEDED, or a photo that is not an image: shown above the form, which keeps its text
            binding.reject(
                    refused.messageKey(),
                    refused.messageArguments(),
                    refused.code().name());
            response.setStatus(refused.code().status().value());
            return "verification/self-service";
        }
    }

    /** The result after a submission; without one (a later visit) the link is simply not valid. */
    @GetMapping("/done")
    String done(@PathVariable String token, Model model, HttpServletResponse response) {
        noStore(response);
        if (!model.containsAttribute("outcome")) {
            return invalid(response);
        }
        return "verification/self-service-done";
    }

    /** A visit of a link: the link if usable, and whether this client is refused for too many invalid visits. */
    private record Visit(Optional<SelfServiceLinks.OpenLink> link, boolean limited) {}

    private Visit visit(String token, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (!attempts.clientAllowed(client)) {
            return new Visit(Optional.empty(), true);
        }
        Optional<SelfServiceLinks.OpenLink> link = links.find(token);
        if (link.isEmpty()) {
            return new Visit(link, !attempts.tryInvalidVisit(client));
        }
        return new Visit(link, false);
    }

    private static String limited(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "3600");
        return "verification/rate-limited";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "verification/link-invalid";
    }

    private static byte[] photo(MultipartFile file, String field, BindingResult binding) throws IOException {
        if (file == null || file.isEmpty()) {
            binding.rejectValue(field, "verification.self.photoRequired");
            return new byte[0];
        }
        return file.getBytes();
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }
}
