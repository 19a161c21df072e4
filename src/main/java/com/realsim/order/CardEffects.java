package com.realsim.order;

import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What orders ask of the card module: whether the cards fit the order when it is submitted, and the effects of a
 * completed order, in the completion's transaction. Provisional until the card module's order API is merged.
 */
@Component
class CardEffects {

    private final CardService cards;

    CardEffects(CardService cards) {
        this.cards = cards;
    }

    /** Refuses cards that do not fit the order, each named by its field ({@code iccids[3]}). */
    void check(CheckedOrder order) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < order.iccids().size(); i++) {
            String iccid = order.iccids().get(i);
            CardSummary card = cards.card(iccid).orElse(null);
            if (order.type().takesInventoryCards()) {
                if (card == null || card.state() != CardState.INVENTORY) {
                    problems.add(new FieldProblem(
                            "iccids[" + i + "]", ErrorCode.VALIDATION_FAILED, "order.card.notInInventory", iccid));
                }
            } else if (card == null || !Long.valueOf(order.enterpriseId()).equals(card.enterpriseId())) {
                problems.add(new FieldProblem(
                        "iccids[" + i + "]", ErrorCode.VALIDATION_FAILED, "order.card.notTheEnterprises", iccid));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Runs the completed order's effects on its cards; a refusal rolls the completion back. */
    void apply(BusinessOrder order, List<OrderCardLine> lines, Actor by) {
        List<String> iccids = lines.stream()
                .filter(l -> !l.replacement())
                .map(OrderCardLine::iccid)
                .toList();
        switch (order.type()) {
            case NEW_INSTALL -> cards.handOver(iccids, order.agentId(), order.enterpriseId(), false, by);
            default -> throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "order.card.notYet");
        }
    }

    /** The cards with these ICCIDs that exist, by ICCID. */
    Map<String, CardSummary> cards(Collection<String> iccids) {
        Map<String, CardSummary> found = new LinkedHashMap<>();
        for (String iccid : iccids) {
            cards.card(iccid).ifPresent(card -> found.put(iccid, card));
        }
        return found;
    }
}
