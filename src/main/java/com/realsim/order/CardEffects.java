package com.realsim.order;

import com.realsim.card.CardOrders;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.card.CardView;
import com.realsim.card.Imei;
import com.realsim.card.ServicePlanService;
import com.realsim.card.ServicePlanSummary;
import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What orders ask of the card module ({@link CardOrders}): whether the cards fit the order when it is submitted, and
 * the effects of a completed order, run in the completion's transaction (all or nothing: a refusal rolls the whole
 * completion back).
 */
@Component
class CardEffects {

    /** How many unfitting cards one submission reports at most (each takes another pass over the rest). */
    static final int MAX_CARD_PROBLEMS = 50;

    /** Cards an enterprise holds and may still do business with. */
    static final Set<CardState> HELD =
            EnumSet.of(CardState.TEST, CardState.PENDING_ACTIVATION, CardState.ACTIVE, CardState.SUSPENDED);

    private final CardOrders cardOrders;
    private final CardService cards;
    private final ServicePlanService plans;

    CardEffects(CardOrders cardOrders, CardService cards, ServicePlanService plans) {
        this.cardOrders = cardOrders;
        this.cards = cards;
        this.plans = plans;
    }

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
                for (int i = 0; i < order.iccids().size(); i++) {
                    CardView card = cards.view(order.iccids().get(i));
                    if (!card.imeiBinding()) {
                        problems.add(new FieldProblem(
                                "iccids[" + i + "]", ErrorCode.VALIDATION_FAILED, "order.card.notBound", card.iccid()));
                    }
                }
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

    /** Runs the completed order's effects on its cards; a refusal rolls the completion back. */
    void apply(BusinessOrder order, List<OrderCardLine> lines, Actor by) {
        long orderId = order.id();
        List<String> iccids = lines.stream()
                .filter(line -> !line.replacement())
                .map(OrderCardLine::iccid)
                .toList();
        switch (order.type()) {
            case NEW_INSTALL -> handOver(iccids, order, by);
            case TRANSFER -> cardOrders.transfer(iccids, order.targetEnterpriseId(), orderId);
            case REAL_NAME_SUPPLEMENT -> cardOrders.realNameSupplemented(iccids, orderId);
            case CARD_REPLACEMENT -> {
                for (OrderCardLine line : lines) {
                    if (line.replacement()) {
                        cardOrders.replace(line.replaces(), line.iccid(), orderId);
                    }
                }
            }
            case REBIND_IMEI -> {
                Imei imei = new Imei(order.imei());
                iccids.forEach(iccid -> cards.rebind(iccid, imei, by));
            }
            case SUSPEND -> iccids.forEach(iccid -> cardOrders.customerSuspend(iccid, order.number(), orderId));
            case RESUME -> iccids.forEach(iccid -> cardOrders.customerResume(iccid, order.number(), orderId));
            case CANCEL -> iccids.forEach(iccid -> cardOrders.customerCancel(iccid, order.number(), orderId));
        }
    }

    /**
     * Hands the cards over: a card whose plan is a test package (测试卡套餐) starts its test period, every other card
     * waits for activation.
     */
    private void handOver(List<String> iccids, BusinessOrder order, Actor by) {
        Set<String> testPlans = plans.plans().stream()
                .filter(ServicePlanSummary::testPackage)
                .map(ServicePlanSummary::code)
                .collect(Collectors.toSet());
        List<String> test = new ArrayList<>();
        List<String> regular = new ArrayList<>();
        for (String iccid : iccids) {
            boolean isTest = !testPlans.isEmpty()
                    && testPlans.contains(cards.card(iccid)
                            .orElseThrow(NotFoundException::new)
                            .planCode());
            (isTest ? test : regular).add(iccid);
        }
        if (!test.isEmpty()) {
            cardOrders.handOver(test, order.agentId(), order.enterpriseId(), true, order.id(), by);
        }
        if (!regular.isEmpty()) {
            cardOrders.handOver(regular, order.agentId(), order.enterpriseId(), false, order.id(), by);
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
