package com.realsim.order.web;

import com.realsim.order.OrderService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.DashboardTile;
import com.realsim.platform.web.NavigationItem;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderNavigation {

    @Bean
    NavigationItem ordersNavigation() {
        return new NavigationItem("nav.orders", "/orders", Set.of(Role.AGENT, Role.OPS, Role.ENTERPRISE_ADMIN), 150);
    }

    /**
     * Agents and enterprise admins: their open orders. OPS: the rebind orders waiting for their decision (the
     * comparisons of the other types wait in the verification queue, which has its own tile).
     */
    @Bean
    DashboardTile openOrdersTile(OrderService orders) {
        return new DashboardTile() {
            @Override
            public Optional<Tile> tileFor(Actor actor) {
                if (actor.is(Role.OPS)) {
                    long waiting = orders.countAwaitingDecision();
                    return Optional.of(new Tile(
                            "dashboard.rebindOrdersToDecide",
                            waiting,
                            "/orders?status=AWAITING_VERIFICATION&type=REBIND_IMEI",
                            waiting > 0 ? "warning" : "success",
                            15));
                }
                if (actor.is(Role.AGENT) || actor.is(Role.ENTERPRISE_ADMIN)) {
                    long open = orders.countOpen();
                    return Optional.of(new Tile(
                            "dashboard.openOrders",
                            open,
                            "/orders?status=AWAITING_VERIFICATION",
                            open > 0 ? "primary" : "secondary",
                            15));
                }
                return Optional.empty();
            }
        };
    }
}
