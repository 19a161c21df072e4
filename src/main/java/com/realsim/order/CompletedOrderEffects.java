package com.realsim.order;

import com.realsim.card.CardsForOrders;
import com.realsim.card.Imei;
import com.realsim.platform.Actor;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What a completed order does to its cards, through the card module ({@link CardsForOrders}), run in the
 * completion's transaction (all or nothing: a refusal rolls the whole completion back). Whether the cards fit the
 * order when it is submitted is {@link OrderCardChecks}.
 */
@Component
@RequiredArgsConstructor
class CompletedOrderEffects {

    private final CardsForOrders cardOrders;

    /** Runs the completed order's effects on its cards; a refusal rolls the completion back. */
    void apply(BusinessOrder order, List<OrderCardLine> lines, Actor by) {
        long orderId = order.id();
        List<String> iccids = lines.stream()
                .filter(line -> !line.replacement())
                .map(OrderCardLine::iccid)
                .toList();
        switch (order.type()) {
            case NEW_INSTALL -> cardOrders.handOver(iccids, order.agentId(), order.enterpriseId(), orderId, by);
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
                iccids.forEach(iccid -> cardOrders.rebind(iccid, imei, by));
            }
            case SUSPEND -> iccids.forEach(iccid -> cardOrders.customerSuspend(iccid, order.number(), orderId));
            case RESUME -> iccids.forEach(iccid -> cardOrders.customerResume(iccid, order.number(), orderId));
            case CANCEL -> iccids.forEach(iccid -> cardOrders.customerCancel(iccid, order.number(), orderId));
        }
    }
}
