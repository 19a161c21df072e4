package com.realsim.card.web;

import com.realsim.approval.ExceptionService;
import com.realsim.approval.ExceptionStatus;
import com.realsim.card.BlockingReason;
import com.realsim.card.CardListing;
import com.realsim.card.CardQuery;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardUsageService;
import com.realsim.card.CardView;
import com.realsim.card.EndUserPhoto;
import com.realsim.card.EndUserPhotoStored;
import com.realsim.card.EndUserService;
import com.realsim.card.bulk.BulkAction;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.FormErrors;
import com.realsim.verification.IssuedLink;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cards for OPS (all of them) and for AGENT and ENTERPRISE_ADMIN (their own, through the tenant scope): the list
 * with search, filters, keyset pages and a chart of cards by state; a card's page with its blocking reasons, plan,
 * operator, real-name requirement judged on the facts and end user; suspend, resume, cancel and activate; the agent
 * binds the end user and uploads their photos; the agent or enterprise admin issues a self-service link.
 */
@Controller
@RequestMapping("/cards")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class CardController {

    /** Bootstrap badge classes by state. */
    static final Map<CardState, String> TONES = Map.of(
            CardState.INVENTORY, "text-bg-secondary",
            CardState.TEST, "text-bg-info",
            CardState.PENDING_ACTIVATION, "text-bg-warning",
            CardState.ACTIVE, "text-bg-success",
            CardState.SUSPENDED, "text-bg-danger",
            CardState.PRE_CANCELLED, "text-bg-warning",
            CardState.CANCELLED, "text-bg-dark");

    static final int RECENT_USAGE_DAYS = 14;

    private final CardService cards;
    private final EndUserService endUsers;
    private final CardUsageService usage;
    private final ServicePlanService plans;
    private final OperatorService operators;
    private final ExceptionService exceptions;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) CardState state,
            @RequestParam(required = false) BlockingReason reason,
            @RequestParam(required = false) Operator operator,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) Long enterprise,
            @RequestParam(required = false) CardQuery.RealNameFilter realName,
            @RequestParam(required = false) String cursor,
            Model model) {
        CardQuery.Filters filters = new CardQuery.Filters(q, state, reason, operator, plan, enterprise, realName);
        CursorPage<CardListing> page = new CursorPage<>(List.of(), null);
        try {
            page = cards.list(CardQuery.page(filters, null, cursor, null));
        } catch (ValidationException refused) {
            model.addAttribute("searchError", refused.fieldProblems().get(0).messageKey());
        }
        model.addAttribute(
                "nextUrl",
                page.nextCursor() == null
                        ? null
                        : UriComponentsBuilder.fromPath("/cards")
                                .queryParamIfPresent("q", Optional.ofNullable(q))
                                .queryParamIfPresent("state", Optional.ofNullable(state))
                                .queryParamIfPresent("reason", Optional.ofNullable(reason))
                                .queryParamIfPresent("operator", Optional.ofNullable(operator))
                                .queryParamIfPresent("plan", Optional.ofNullable(plan))
                                .queryParamIfPresent("enterprise", Optional.ofNullable(enterprise))
                                .queryParamIfPresent("realName", Optional.ofNullable(realName))
                                .queryParam("cursor", page.nextCursor())
                                .build()
                                .encode()
                                .toUriString());
        if ((q == null || q.isBlank()) && reason == null && (plan == null || plan.isBlank()) && realName == null) {
            // the export module's card export takes these filters of the list (docs/export.md): the same rows
            model.addAttribute(
                    "exportUrl",
                    UriComponentsBuilder.fromPath("/exports")
                            .queryParam("kind", "CARDS")
                            .queryParamIfPresent("state", Optional.ofNullable(state))
                            .queryParamIfPresent("operator", Optional.ofNullable(operator))
                            .queryParamIfPresent("enterpriseId", Optional.ofNullable(enterprise))
                            .build()
                            .encode()
                            .toUriString());
        }
        return listPage(filters, page, new IdSearchForm(), model);
    }

    /**
     * The cards whose current end user holds this ID document, found through its blind index. A POST, so that the
     * number never sits in a URL (access logs, history, referrers); the page shows it masked afterwards. At most one
     * page (a person holds a few cards per operator).
     */
    @PostMapping("/search")
    String searchByIdNumber(@ModelAttribute("idSearch") IdSearchForm form, BindingResult binding, Model model) {
        CardQuery.Filters filters = CardQuery.Filters.none();
        CursorPage<CardListing> page = new CursorPage<>(List.of(), null);
        try {
            IdDocument document = IdDocument.of(form.getIdType(), form.getIdNumber(), "idNumber", clock);
            page = cards.list(CardQuery.page(filters, document, null, Cursor.MAX_SIZE));
            model.addAttribute("idSearched", document.toString());
            form.setIdNumber(null);
        } catch (DomainException refused) {
            FormErrors.show(refused, binding);
        }
        model.addAttribute("nextUrl", null);
        return listPage(filters, page, form, model);
    }

    private String listPage(CardQuery.Filters filters, CursorPage<CardListing> page, IdSearchForm form, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("q", filters.search());
        model.addAttribute("state", filters.state());
        model.addAttribute("reason", filters.reason());
        model.addAttribute("operator", filters.operator());
        model.addAttribute("plan", filters.planCode());
        model.addAttribute("enterprise", filters.enterpriseId());
        model.addAttribute("realName", filters.realName());
        model.addAttribute("realNames", CardQuery.RealNameFilter.values());
        model.addAttribute(
                "bulkActions", BulkAction.of(CurrentActor.get().role())); // the bulk bar (CardBulkController)
        model.addAttribute(
                "enterpriseName",
                filters.enterpriseId() == null
                        ? null
                        : page.items().stream()
                                .findFirst()
                                .map(CardListing::enterpriseName)
                                .orElse(null));
        model.addAttribute("states", CardState.values());
        model.addAttribute("reasons", BlockingReason.values());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("plans", plans.plans());
        model.addAttribute("idTypes", IdType.values());
        if (!model.containsAttribute("idSearch")) {
            model.addAttribute("idSearch", form);
        }
        Map<CardState, Long> counts = cards.countByState();
        model.addAttribute("counts", counts);
        model.addAttribute("tones", TONES);
        model.addAttribute("chart", chart(counts));
        return "card/list";
    }

    @GetMapping("/{id}")
    String card(@PathVariable long id, Model model) {
        return detail(cards.view(id), new EndUserForm(), model);
    }

    private String detail(CardView card, EndUserForm form, Model model) {
        model.addAttribute("card", card);
        model.addAttribute("tones", TONES);
        model.addAttribute("idTypes", IdType.values());
        model.addAttribute("photoKinds", EndUserPhoto.values());
        model.addAttribute("usage", usage.recent(card.id(), RECENT_USAGE_DAYS));
        model.addAttribute("cardsPerId", operators.quota(card.operator()).maxCardsPerId());
        model.addAttribute(
                "pendingException",
                exceptions.forCard(card.id()).stream()
                        .filter(request -> request.status() == ExceptionStatus.PENDING)
                        .findFirst()
                        .orElse(null));
        if (!model.containsAttribute("endUserForm")) {
            model.addAttribute("endUserForm", form);
        }
        return "card/detail";
    }

    /** The agent binds (or replaces) the end user; field errors are shown next to the fields. */
    @PostMapping("/{id}/end-user")
    @PreAuthorize("hasRole('AGENT')")
    String bindEndUser(
            @PathVariable long id,
            @ModelAttribute("endUserForm") EndUserForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        CardView card = cards.view(id);
        try {
            endUsers.bind(card.iccid(), form.toDetails(LocalDate.now(clock)));
            redirect.addFlashAttribute("flashSuccess", "card.endUser.bound");
            return "redirect:/cards/" + id + "#end-user";
        } catch (DomainException refused) {
            FormErrors.show(refused, binding);
            model.addAttribute("endUserFormRefused", true);
            return detail(card, form, model);
        }
    }

    /** The agent uploads the end user's photos (any of the three); the last missing one starts the verification. */
    @PostMapping("/{id}/end-user/photos")
    @PreAuthorize("hasRole('AGENT')")
    String uploadPhotos(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile idFront,
            @RequestParam(required = false) MultipartFile idBack,
            @RequestParam(required = false) MultipartFile livePhoto,
            RedirectAttributes redirect)
            throws IOException {
        CardView card = cards.view(id);
        Map<EndUserPhoto, MultipartFile> files = new LinkedHashMap<>();
        files.put(EndUserPhoto.ID_FRONT, idFront);
        files.put(EndUserPhoto.ID_BACK, idBack);
        files.put(EndUserPhoto.LIVE_PHOTO, livePhoto);
        EndUserPhotoStored last = null;
        try {
            for (Map.Entry<EndUserPhoto, MultipartFile> file : files.entrySet()) {
                if (file.getValue() != null && !file.getValue().isEmpty()) {
                    last = endUsers.attachPhoto(
                            card.iccid(), file.getKey(), file.getValue().getBytes());
                }
            }
        } catch (DomainException refused) {
            FormErrors.flash(refused, redirect);
            return "redirect:/cards/" + id + "#end-user";
        }
        if (last == null) {
            redirect.addFlashAttribute("flashError", "card.endUser.photos.none");
        } else {
            redirect.addFlashAttribute(
                    "flashSuccess",
                    last.verificationCaseId() == null ? "card.endUser.photos.stored" : "card.endUser.photos.complete");
        }
        return "redirect:/cards/" + id + "#end-user";
    }

    /** A one-time self-service link for the end user's phone: its URL and QR code are shown on this answer only. */
    @PostMapping("/{id}/self-service-link")
    @PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
    String selfServiceLink(@PathVariable long id, Model model, RedirectAttributes redirect) {
        CardView card = cards.view(id);
        try {
            IssuedLink link = endUsers.selfServiceLink(card.iccid());
            model.addAttribute("card", card);
            model.addAttribute("link", link);
            return "card/self-service-link";
        } catch (DomainException refused) {
            FormErrors.flash(refused, redirect);
            return "redirect:/cards/" + id;
        }
    }

    /** Activates the card when its real-name is complete; otherwise says what is missing. */
    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes redirect) {
        CardView card = cards.view(id);
        try {
            cards.activate(card.iccid());
            redirect.addFlashAttribute("flashSuccess", "card.activated");
            redirect.addFlashAttribute("flashArgs", new Object[] {card.iccid()});
        } catch (DomainException refused) {
            FormErrors.rethrowUnlessForTheUser(refused);
            redirect.addFlashAttribute(
                    "flashError",
                    refused.code() == ErrorCode.REAL_NAME_INCOMPLETE
                            ? "card.activate.incomplete"
                            : refused.messageKey());
            redirect.addFlashAttribute("flashArgs", refused.messageArguments());
        }
        return "redirect:/cards/" + id;
    }

    @PostMapping("/{id}/suspend")
    String suspend(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, reason, redirect, "card.suspended", (iccid, note) -> cards.suspend(iccid, note));
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, reason, redirect, "card.resumed", (iccid, note) -> cards.resume(iccid, note));
    }

    /**
     * Cancelling (销户) is final, so it takes two steps: the card page's form leads to a page that says what will
     * happen and asks again; only its form, which sends {@code confirmed=true}, cancels the card.
     */
    @PostMapping("/{id}/cancel")
    String cancel(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            CardView card = cards.view(id);
            String note = reason == null ? "" : reason.strip();
            if (note.isEmpty() || note.length() > 500) {
                redirect.addFlashAttribute("flashError", "card.action.reasonRequired");
                return "redirect:/cards/" + id;
            }
            model.addAttribute("card", card);
            model.addAttribute("reason", note);
            model.addAttribute("tones", TONES);
            return "card/cancel-confirm";
        }
        return act(id, reason, redirect, "card.cancelled", (iccid, note) -> cards.cancel(iccid, note));
    }

    private interface Act {
        CardView on(String iccid, String note);
    }

    private String act(long id, String reason, RedirectAttributes redirect, String done, Act act) {
        CardView card = cards.view(id);
        String note = reason == null ? "" : reason.strip();
        if (note.isEmpty() || note.length() > 500) {
            redirect.addFlashAttribute("flashError", "card.action.reasonRequired");
            return "redirect:/cards/" + id;
        }
        try {
            act.on(card.iccid(), note);
            redirect.addFlashAttribute("flashSuccess", done);
            redirect.addFlashAttribute("flashArgs", new Object[] {card.iccid()});
        } catch (DomainException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            redirect.addFlashAttribute("flashArgs", refused.messageArguments());
        }
        return "redirect:/cards/" + id;
    }

    /** The chart's data, as JSON for a {@code data-} attribute: states with their label and count. */
    private String chart(Map<CardState, Long> counts) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> bars = new ArrayList<>();
        counts.forEach((state, count) -> {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("state", state.name());
            bar.put("label", messages.getMessage("card.state." + state.name(), null, state.name(), locale));
            bar.put("count", count);
            bars.add(bar);
        });
        return json.writeValueAsString(bars);
    }
}
