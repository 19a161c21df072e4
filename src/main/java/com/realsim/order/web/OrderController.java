package com.realsim.order.web;

import com.realsim.identity.IdType;
import com.realsim.order.OrderCardView;
import com.realsim.order.OrderDocumentKind;
import com.realsim.order.OrderInput;
import com.realsim.order.OrderService;
import com.realsim.order.OrderStatus;
import com.realsim.order.OrderType;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.FormErrors;
import com.realsim.platform.web.PageLinks;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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

/**
 * Business order pages: the list (keyset pages, filters by status and type), the new-order form for agents that fits
 * the order's type, and the order page with what it still waits for, its photos (taken with the phone's camera),
 * the handler's comparison, its cards and the OPS decision of rebinds.
 */
@Controller
@RequestMapping("/orders")
@PreAuthorize("hasAnyRole('AGENT', 'OPS', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class OrderController {

    static final int CARDS_PER_PAGE = 50;
    private static final Pattern CARD_FIELD = Pattern.compile("iccids\\[(\\d+)]");
    private static final Pattern PAIR_FIELD = Pattern.compile("replacements\\[(\\d+)](\\..*)?");

    private final OrderService orders;

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("types", OrderType.values());
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("idTypes", IdType.values());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) OrderType type,
            @RequestParam(required = false) String cursor,
            Model model) {
        CursorPage<OrderView> page = orders.list(status, type, null, cursor, null);
        model.addAttribute("page", page);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute(
                "enterpriseNames",
                enterpriseNames(
                        page.items().stream().map(OrderView::enterpriseId).toList()));
        model.addAttribute("nextUrl", PageLinks.next(page));
        return "order/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('AGENT')")
    String newOrder(@RequestParam(required = false) OrderType type, Model model) {
        OrderForm form = new OrderForm();
        if (type != null) {
            form.setType(type);
        }
        model.addAttribute("form", form);
        return form(model);
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    String create(
            @ModelAttribute("form") OrderForm form,
            BindingResult binding,
            @RequestParam(name = "csv", required = false) MultipartFile csv,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (binding.hasErrors()) {
            return form(model);
        }
        try {
            OrderInput input = form.toInput(csv);
            OrderView created = orders.create(input);
            redirect.addFlashAttribute("flashSuccess", "order.created");
            redirect.addFlashAttribute("flashArgs", new Object[] {created.number()});
            return "redirect:/orders/" + created.id();
        } catch (DomainException refused) {
            show(refused, form, binding);
            return form(model);
        }
    }

    private String form(Model model) {
        model.addAttribute("enterprises", orders.enterprisesForOrders());
        return "order/form";
    }

    /** Puts a refusal next to the form field it concerns; cards by their line in the list. */
    private static void show(DomainException refused, OrderForm form, BindingResult binding) {
        FormErrors.rethrowUnlessForTheUser(refused);
        String cardsField = form.getType() == OrderType.CARD_REPLACEMENT ? "replacementsText" : "iccidsText";
        if (refused.code() == ErrorCode.CARD_IN_OPEN_ORDER) {
            binding.rejectValue(
                    cardsField,
                    refused.messageKey(),
                    refused.messageArguments(),
                    refused.code().name());
            return;
        }
        if (refused.code() == ErrorCode.REAL_NAME_INCOMPLETE) {
            Object enterprise = refused.details().get("enterpriseId");
            String field = enterprise != null && enterprise.equals(form.getTargetEnterpriseId())
                    ? "targetEnterpriseId"
                    : "enterpriseId";
            binding.rejectValue(
                    field,
                    refused.messageKey(),
                    refused.messageArguments(),
                    refused.code().name());
            return;
        }
        if (refused.code() == ErrorCode.AUTHORIZATION_EXPIRED) {
            binding.rejectValue(
                    "handler.authorizationValidTo",
                    refused.messageKey(),
                    refused.messageArguments(),
                    refused.code().name());
            return;
        }
        if (refused.fieldProblems().isEmpty()) {
            FormErrors.show(refused, binding);
            return;
        }
        for (FieldProblem problem : refused.fieldProblems()) {
            Matcher card = CARD_FIELD.matcher(problem.field());
            Matcher pair = PAIR_FIELD.matcher(problem.field());
            if (card.matches() || pair.matches()) {
                int line = Integer.parseInt(card.matches() ? card.group(1) : pair.group(1)) + 1;
                binding.rejectValue(
                        cardsField,
                        "order.form.entryProblem",
                        new Object[] {
                            line,
                            new DefaultMessageSourceResolvable(new String[] {problem.messageKey()}, problem.arguments())
                        },
                        problem.code().name());
            } else if (problem.field().equals("iccids") || problem.field().equals("replacements")) {
                binding.rejectValue(
                        cardsField,
                        problem.messageKey(),
                        problem.arguments(),
                        problem.code().name());
            } else if (binding.getFieldType(problem.field()) != null) {
                binding.rejectValue(
                        problem.field(),
                        problem.messageKey(),
                        problem.arguments(),
                        problem.code().name());
            } else {
                binding.reject(
                        problem.messageKey(),
                        problem.arguments(),
                        problem.code().name());
            }
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String cardsCursor, Model model) {
        OrderView order = orders.get(id);
        CursorPage<OrderCardView> cards = orders.cards(id, cardsCursor, CARDS_PER_PAGE);
        Actor actor = CurrentActor.get();
        model.addAttribute("order", order);
        model.addAttribute("cards", cards);
        model.addAttribute(
                "visibleCards",
                cards.items().stream()
                        .filter(card -> card.visibleTo(CurrentActor.get()))
                        .map(OrderCardView::iccid)
                        .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("actor", actor);
        model.addAttribute(
                "enterpriseNames",
                enterpriseNames(java.util.Arrays.asList(order.enterpriseId(), order.targetEnterpriseId())));
        List<OrderDocumentKind> documentKinds =
                order.type().uploadableDocuments().stream().sorted().toList();
        model.addAttribute("documentKinds", documentKinds);
        model.addAttribute("nextDocument", order.nextMissingDocument(documentKinds));
        model.addAttribute("mayDecide", order.open() && order.type().needsOpsDecision() && !order.submittedBy(actor));
        String nextCards = PageLinks.next(cards, "cardsCursor");
        model.addAttribute("nextCardsUrl", nextCards == null ? null : nextCards + "#cards");
        return "order/detail";
    }

    @PostMapping("/{id}/documents")
    @PreAuthorize("hasRole('AGENT')")
    String attach(
            @PathVariable long id,
            @RequestParam OrderDocumentKind kind,
            @RequestParam MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        byte[] content = file.getBytes();
        FormErrors.attempt(redirect, () -> orders.attach(id, kind, content))
                .ifPresent(attached -> flashProgress(attached.order(), "order.documentStored", redirect));
        return "redirect:/orders/" + id + "#documents";
    }

    @PostMapping("/{id}/handler-photo")
    @PreAuthorize("hasRole('AGENT')")
    String handlerPhoto(@PathVariable long id, @RequestParam MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        byte[] content = file.getBytes();
        FormErrors.attempt(redirect, () -> orders.attachHandlerPhoto(id, content))
                .ifPresent(attached -> flashProgress(attached.order(), "order.handlerPhotoStored", redirect));
        return "redirect:/orders/" + id + "#documents";
    }

    private static void flashProgress(OrderView order, String stored, RedirectAttributes redirect) {
        String message = switch (order.status()) {
            case COMPLETED -> "order.nowCompleted";
            case REJECTED -> "order.nowRejected";
            default -> stored;
        };
        redirect.addFlashAttribute(order.status() == OrderStatus.REJECTED ? "flashError" : "flashSuccess", message);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('AGENT')")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "order.cancelled", () -> orders.cancel(id));
        return "redirect:/orders/" + id;
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    String approve(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, () -> orders.approve(id, reason))
                .ifPresent(order -> flashProgress(order, "order.approved", redirect));
        return "redirect:/orders/" + id;
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        FormErrors.attempt(redirect, "order.rejectedByOps", () -> orders.reject(id, reason));
        return "redirect:/orders/" + id;
    }

    /** Names of these enterprises that the actor may see, for labels (one not visible shows its id). */
    private Map<Long, String> enterpriseNames(List<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (Long id : ids) {
            if (id != null && !names.containsKey(id)) {
                orders.enterpriseName(id).ifPresent(name -> names.put(id, name));
            }
        }
        return names;
    }
}
