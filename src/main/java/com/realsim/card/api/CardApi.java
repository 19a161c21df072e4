package com.realsim.card.api;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardQuery;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cards for OPS (all), AGENT and ENTERPRISE_ADMIN (their own: another tenant's card answers 404). Suspending adds
 * the caller's blocking reason (OPS_ACTION or CUSTOMER_REQUEST), resuming clears it; any of the three may activate
 * a card whose real-name is complete.
 */
@RestController
@Tag(
        name = "Cards",
        description = "Cards and their lifecycle: state, the stack of reasons blocking a card and what clears each, "
                + "the real-name requirement judged on the facts, activation, suspension, resumption and "
                + "cancellation.")
@RequestMapping("/api/v1/cards")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class CardApi {

    private final CardService cards;
    private final CardAnswers answers;
    private final Clock clock;

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}

    /**
     * The caller's visible cards, newest first: {@code q} is the last 4–8 digits of an ICCID, the start (9 digits on)
     * or whole of an ICCID or number, or a whole IMSI; {@code endUserIdType} with {@code endUserIdNumber} finds the
     * cards whose current end user holds that ID document, matched through its blind index.
     */
    @GetMapping
    CursorPage<CardAnswers.CardListItem> listCards(
            @RequestParam(required = false) CardState state,
            @RequestParam(required = false) BlockingReason reason,
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) Operator operator,
            @RequestParam(required = false) String planCode,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) CardQuery.RealNameFilter realName,
            @RequestParam(required = false) IdType endUserIdType,
            @RequestParam(required = false) String endUserIdNumber,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        CardQuery.Filters filters = new CardQuery.Filters(q, state, reason, operator, planCode, enterpriseId, realName);
        return cards.list(CardQuery.page(filters, endUser(endUserIdType, endUserIdNumber), cursor, size))
                .map(CardAnswers.CardListItem::of);
    }

    /** Both or neither: a type without a number (or the reverse) is refused naming the missing one. */
    private IdDocument endUser(IdType type, String number) {
        boolean hasNumber = number != null && !number.isBlank();
        if (type == null && !hasNumber) {
            return null;
        }
        if (!hasNumber) {
            throw new ValidationException(
                    new FieldProblem("endUserIdNumber", ErrorCode.VALIDATION_FAILED, "validation.required"));
        }
        if (type == null) {
            throw new ValidationException(
                    new FieldProblem("endUserIdType", ErrorCode.VALIDATION_FAILED, "validation.required"));
        }
        return IdDocument.of(type, number, "endUserIdNumber", clock);
    }

    @GetMapping("/{iccid}")
    CardAnswers.CardResponse getCard(@PathVariable String iccid) {
        return answers.card(cards.view(iccid));
    }

    @PostMapping("/{iccid}/suspend")
    CardAnswers.CardResponse suspendCard(@PathVariable String iccid, @Valid @RequestBody ReasonRequest request) {
        return answers.card(cards.suspend(iccid, request.reason().strip()));
    }

    @PostMapping("/{iccid}/resume")
    CardAnswers.CardResponse resumeCard(@PathVariable String iccid, @Valid @RequestBody ReasonRequest request) {
        return answers.card(cards.resume(iccid, request.reason().strip()));
    }

    /**
     * Activates the card when its real-name is complete on the facts as they stand; otherwise 409 {@code
     * REAL_NAME_INCOMPLETE} with {@code missing}.
     */
    @PostMapping("/{iccid}/activate")
    CardAnswers.CardResponse activateCard(@PathVariable String iccid) {
        return answers.card(cards.activate(iccid));
    }

    @PostMapping("/{iccid}/cancel")
    CardAnswers.CardResponse cancelCard(@PathVariable String iccid, @Valid @RequestBody ReasonRequest request) {
        return answers.card(cards.cancel(iccid, request.reason().strip()));
    }
}
