package com.realsim.card.api;

import com.realsim.card.CardState;
import com.realsim.card.OverLimitIdentities;
import com.realsim.catalogue.Operator;
import com.realsim.identity.IdType;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPS: identities holding more cards at an operator than its one-ID-N-cards limit, each with its cards (end users
 * masked). They keep their cards and take no more; resolving them is the agents' work.
 */
@RestController
@Tag(
        name = "Over-limit identities",
        description = "OPS: end-user identities holding more cards at an operator than its one-ID-N-cards limit "
                + "(found when identity keys were corrected); they keep their cards and can take no more.")
@RequestMapping("/api/v1/over-limit-identities")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class OverLimitApi {

    private final OverLimitIdentities overLimit;

    record CardBody(
            String iccid,
            CardState state,
            Long agentId,
            Long enterpriseId,
            String name,
            IdType idType,
            String idNumber,
            Instant boundAt) {}

    record IdentityBody(Operator operator, int limit, int cardsHeld, List<CardBody> cards) {

        static IdentityBody of(OverLimitIdentities.Identity identity) {
            return new IdentityBody(
                    identity.operator(),
                    identity.limit(),
                    identity.cardsHeld(),
                    identity.cards().stream()
                            .map(c -> new CardBody(
                                    c.iccid(),
                                    c.state(),
                                    c.agentId(),
                                    c.enterpriseId(),
                                    c.name(),
                                    c.idType(),
                                    c.idNumber(),
                                    c.boundAt()))
                            .toList());
        }
    }

    @GetMapping
    CursorPage<IdentityBody> listOverLimitIdentities(
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        int limit = Cursor.size(size);
        return CursorPage.of(
                        overLimit.page(Cursor.decodeId(cursor), limit + 1), limit, i -> Cursor.ofId(i.firstBindingId()))
                .map(IdentityBody::of);
    }
}
