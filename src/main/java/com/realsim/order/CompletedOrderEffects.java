package com.realsim.order;

import com.realsim.card.CardService;
import com.realsim.card.CardsForOrders;
import com.realsim.card.Imei;
import com.realsim.card.ServicePlanService;
import com.realsim.card.ServicePlanSummary;
import com.realsim.platform.Actor;
import com.realsim.platform.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a completed order does to its cards, through the card module ({@link CardsForOrders}), run in the
 * completion's transaction (all or nothing: a refusal rolls the whole completion back). Whether the cards fit the
 * order when it is submitted is {@link OrderCardChecks}.
 */
@Component
class CompletedOrderEffects {

    private final CardsForOrders cardOrders;
    private final CardService cards;
    private final ServicePlanService plans;

    CompletedOrderEffects(CardsForOrders cardOrders, CardService cards, ServicePlanService plans) {
        this.cardOrders = cardOrders;
        this.cards = cards;
        this.plans = plans;
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
}
