package com.realsim.card;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.List;

/** A resume cleared the caller's reason, but others still block the card: {@code BLOCKED} with {@code reasons}. */
class CardStillBlocked extends DomainException {

    CardStillBlocked(List<BlockingReason> remaining) {
        super(ErrorCode.BLOCKED, "card.blocked");
        with("reasons", remaining.stream().map(Enum::name).toList());
    }
}
