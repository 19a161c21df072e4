package com.realsim.card;

import com.realsim.card.domain.Cards;
import com.realsim.card.domain.EndUserBindings;
import com.realsim.identity.PersonalData;
import com.realsim.identity.PersonalDataSource;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sealed fields of a card's current end user, for audited unmasking by OPS (identity module): target type
 * {@code CARD}, target id the card's id, fields {@code endUser.name}, {@code endUser.idNumber}, {@code
 * endUser.idAddress}. The card is loaded through the actor's scope.
 */
@Component
@RequiredArgsConstructor
class CardPersonalData implements PersonalDataSource {

    private final Cards cards;
    private final EndUserBindings endUsers;
    private final PersonalData personalData;

    @Override
    public String targetType() {
        return EndUserService.SUBJECT_TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> reveal(long cardId, String field) {
        return cards.findVisible(cardId).flatMap(endUsers::current).flatMap(binding -> switch (field) {
            case "endUser.name" -> Optional.of(binding.name(personalData));
            case "endUser.idNumber" ->
                Optional.of(binding.idDocument(personalData).number());
            case "endUser.idAddress" -> Optional.of(binding.idAddress(personalData));
            default -> Optional.empty();
        });
    }
}
