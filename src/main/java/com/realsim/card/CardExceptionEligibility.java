package com.realsim.card;

import com.realsim.approval.CardEligibility;
import com.realsim.approval.ExceptionEligibility;
import com.realsim.card.domain.CardRealName;
import com.realsim.card.domain.Cards;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNameRequirement;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the approval module needs to know about a card: whether the current actor may see it (through the tenant
 * scope: another tenant's card is not found, so the request answers 404) and which exception its real-name
 * requirement allows.
 */
@Component
@RequiredArgsConstructor
class CardExceptionEligibility implements ExceptionEligibility {

    private final Cards cards;
    private final CardRealName realName;

    @Override
    @Transactional(readOnly = true)
    public Optional<CardEligibility> forCard(String iccid) {
        return cards.findVisibleByIccid(iccid).map(card -> {
            RealNameRequirement requirement = realName.requirement(card);
            return new CardEligibility(
                    card.id(),
                    card.iccid(),
                    card.agentId(),
                    card.enterpriseId(),
                    allowed(requirement.exceptionKind()),
                    requirement.code());
        });
    }

    /** The only place where the card module's exception kinds meet the approval module's. */
    static CardEligibility.Allowed allowed(ExceptionKind kind) {
        return switch (kind) {
            case NONE_NEEDED -> CardEligibility.Allowed.NOT_NEEDED;
            case PROVINCIAL_APPROVAL -> CardEligibility.Allowed.PROVINCIAL_APPROVAL;
            case GROUP_APPROVAL -> CardEligibility.Allowed.GROUP_APPROVAL;
            case NOT_ALLOWED -> CardEligibility.Allowed.NOT_ALLOWED;
        };
    }
}
