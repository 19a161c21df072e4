package com.realsim.order;

import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.card.CardsForOrders;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Whether an order's cards fit it, asked of the card module ({@link CardsForOrders}) when the order is submitted: each
 * card that does not fit is named by its field. What a completed order does to its cards is {@link
 * CompletedOrderEffects}.
 */
@Component
@RequiredArgsConstructor
class OrderCardChecks {

    /** How many unfitting cards one submission reports at most (each takes another pass over the rest). */
    static final int MAX_CARD_PROBLEMS = 50;

    /** Cards an enterprise holds and may still do business with. */
    static final Set<CardState> HELD =
            EnumSet.of(CardState.TEST, CardState.PENDING_ACTIVATION, CardState.ACTIVE, CardState.SUSPENDED);

    private final CardsForOrders cardOrders;

    /** The states a card must be in for an order of this type on an enterprise's own cards. */
    static Set<CardState> allowedStates(OrderType type) {
        return switch (type) {
            case SUSPEND -> EnumSet.of(CardState.ACTIVE, CardState.SUSPENDED);
            case RESUME -> EnumSet.of(CardState.SUSPENDED);
            case CANCEL ->
                EnumSet.of(
                        CardState.TEST,
                        CardState.PENDING_ACTIVATION,
                        CardState.ACTIVE,
                        CardState.SUSPENDED,
                        CardState.PRE_CANCELLED);
            default -> HELD;
        };
    }

    /**
     * Refuses cards that do not fit the order, each named by its field ({@code iccids[3]},
     * {@code replacements[0].newIccid}): a new installation's cards must be in the inventory, other orders' cards the
     * enterprise's in a fitting state; a replacement's new cards come from the inventory; a rebind's cards must be
     * bound to devices.
     */
    void check(CheckedOrder order) {
        List<FieldProblem> problems = new ArrayList<>();
        if (order.type().takesInventoryCards()) {
            collect(order.iccids(), "iccids[%d]", cardOrders::checkAvailableForNewInstall, problems);
        } else if (order.type() == OrderType.CARD_REPLACEMENT) {
            List<String> olds = order.replacements().stream()
                    .map(CheckedOrder.Replacement::oldIccid)
                    .toList();
            List<String> news = order.replacements().stream()
                    .map(CheckedOrder.Replacement::newIccid)
                    .toList();
            collect(
                    olds,
                    "replacements[%d].oldIccid",
                    part -> cardOrders.checkOwnedBy(part, order.enterpriseId(), HELD),
                    problems);
            collect(news, "replacements[%d].newIccid", cardOrders::checkAvailableForNewInstall, problems);
        } else {
            collect(
                    order.iccids(),
                    "iccids[%d]",
                    part -> cardOrders.checkOwnedBy(part, order.enterpriseId(), allowedStates(order.type())),
                    problems);
            if (problems.isEmpty() && order.type() == OrderType.REBIND_IMEI) {
                collect(order.iccids(), "iccids[%d]", cardOrders::checkBoundToDevice, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /**
     * Runs a check over the cards; when it refuses one, records that card's problem and checks the cards after it
     * again, until all passed or enough problems are known.
     */
    private static void collect(
            List<String> iccids, String field, Consumer<List<String>> check, List<FieldProblem> problems) {
        int from = 0;
        while (from < iccids.size() && problems.size() < MAX_CARD_PROBLEMS) {
            List<String> rest = iccids.subList(from, iccids.size());
            try {
                check.accept(rest);
                return;
            } catch (DomainException refused) {
                Object iccid = refused.details().get("iccid");
                int index = iccid == null ? -1 : rest.indexOf(iccid.toString());
                if (index < 0) {
                    throw refused;
                }
                problems.add(new FieldProblem(
                        String.format(field, from + index),
                        ErrorCode.VALIDATION_FAILED,
                        refused.messageKey(),
                        refused.messageArguments()));
                from += index + 1;
            }
        }
    }

    /** The cards with these ICCIDs that exist, by ICCID, as they are now (for showing an order's cards). */
    Map<String, CardSummary> cards(Collection<String> iccids) {
        return cardOrders.find(iccids);
    }
}
