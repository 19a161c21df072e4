package com.realsim.card.web;

import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.web.DashboardTile;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dashboard numbers: cards by state in the actor's scope, each linking to the filtered card list. */
@Configuration(proxyBeanMethods = false)
class CardDashboardTiles {

    private static final Set<Role> CARD_ROLES = Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN);

    @Bean
    DashboardTile activeCardsTile(CardService cards) {
        return tile(cards, CardState.ACTIVE, "success", 200, CARD_ROLES);
    }

    @Bean
    DashboardTile suspendedCardsTile(CardService cards) {
        return tile(cards, CardState.SUSPENDED, "danger", 201, CARD_ROLES);
    }

    @Bean
    DashboardTile pendingCardsTile(CardService cards) {
        return tile(cards, CardState.PENDING_ACTIVATION, "warning", 202, CARD_ROLES);
    }

    @Bean
    DashboardTile inventoryCardsTile(CardService cards) {
        return tile(cards, CardState.INVENTORY, "secondary", 203, Set.of(Role.OPS));
    }

    /** Shown to OPS and ADMIN only while the last quota drift check found counters that disagree with the cards. */
    @Bean
    DashboardTile quotaDriftTile(CardService cards) {
        return (Actor actor) -> {
            if (actor.role() != Role.OPS && actor.role() != Role.ADMIN) {
                return Optional.empty();
            }
            long drifted = cards.quotaDrift();
            return drifted == 0
                    ? Optional.empty()
                    : Optional.of(new DashboardTile.Tile(
                            "card.tile.quotaDrift", drifted, "/over-limit-identities", "danger", 199));
        };
    }

    private static DashboardTile tile(CardService cards, CardState state, String tone, int order, Set<Role> roles) {
        return (Actor actor) -> roles.contains(actor.role())
                ? Optional.of(new DashboardTile.Tile(
                        "card.tile." + state.name(), cards.count(state), "/cards?state=" + state.name(), tone, order))
                : Optional.empty();
    }
}
