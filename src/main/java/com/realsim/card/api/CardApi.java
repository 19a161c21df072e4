package com.realsim.card.api;

import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardQuery;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.card.CardView;
import com.realsim.card.Operator;
import com.realsim.platform.web.CursorPage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * the caller's blocking reason (OPS_ACTION or CUSTOMER_REQUEST), resuming clears it.
 */
@RestController
@RequestMapping("/api/v1/cards")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
class CardApi {

    private final CardService cards;
    private final MessageSource messages;

    CardApi(CardService cards, MessageSource messages) {
        this.cards = cards;
        this.messages = messages;
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}

    record BlockingReasonResponse(String code, Instant since, String clearedBy, String clearedByText) {}

    record RealNameResponse(
            String requirement,
            boolean endUserRequired,
            String exceptionKind,
            boolean satisfied,
            List<String> missing) {}

    record CardResponse(
            String iccid,
            String msisdn,
            Operator operator,
            String planCode,
            CardState state,
            Long agentId,
            Long enterpriseId,
            List<BlockingReasonResponse> blockingReasons,
            RealNameResponse realName) {}

    record CardListItem(
            String iccid,
            String msisdn,
            Operator operator,
            String planCode,
            CardState state,
            Long agentId,
            Long enterpriseId,
            Instant createdAt) {

        static CardListItem of(CardSummary card) {
            return new CardListItem(
                    card.iccid(),
                    card.msisdn(),
                    card.operator(),
                    card.planCode(),
                    card.state(),
                    card.agentId(),
                    card.enterpriseId(),
                    card.createdAt());
        }
    }

    @GetMapping
    CursorPage<CardListItem> list(
            @RequestParam(required = false) CardState state,
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) Operator operator,
            @RequestParam(required = false) String planCode,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return cards.find(CardQuery.page(q, state, operator, planCode, enterpriseId, cursor, size))
                .map(CardListItem::of);
    }

    @GetMapping("/{iccid}")
    CardResponse get(@PathVariable String iccid) {
        return response(cards.view(iccid));
    }

    @PostMapping("/{iccid}/suspend")
    CardResponse suspend(@PathVariable String iccid, @Valid @RequestBody ReasonRequest request) {
        return response(cards.suspend(iccid, request.reason().strip()));
    }

    @PostMapping("/{iccid}/resume")
    CardResponse resume(@PathVariable String iccid, @Valid @RequestBody ReasonRequest request) {
        return response(cards.resume(iccid, request.reason().strip()));
    }

    @PostMapping("/{iccid}/cancel")
    CardResponse cancel(@PathVariable String iccid, @Valid @RequestBody ReasonRequest request) {
        return response(cards.cancel(iccid, request.reason().strip()));
    }

    private CardResponse response(CardView card) {
        return new CardResponse(
                card.iccid(),
                card.msisdn(),
                card.operator(),
                card.plan().code(),
                card.state(),
                card.agentId(),
                card.enterpriseId(),
                card.activeReasons().stream().map(this::reason).toList(),
                new RealNameResponse(
                        card.realName().requirement().code(),
                        card.realName().requirement().endUserRequired(),
                        card.realName().requirement().exceptionKind().name(),
                        card.realName().satisfied(),
                        card.realName().missingCodes()));
    }

    private BlockingReasonResponse reason(BlockingReasonView reason) {
        return new BlockingReasonResponse(
                reason.reason().name(),
                reason.since(),
                reason.clearedByEvent().name(),
                messages.getMessage(
                        reason.clearedByEvent().messageKey(),
                        null,
                        reason.clearedByEvent().name(),
                        LocaleContextHolder.getLocale()));
    }
}
