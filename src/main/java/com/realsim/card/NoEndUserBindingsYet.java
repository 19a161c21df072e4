package com.realsim.card;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Until the end-user binding exists, no card is bound to an identity. Replaced by the binding part's query. */
@Component
class NoEndUserBindingsYet implements QuotaDriftCheck.HeldCards {

    @Override
    public Map<IdentityQuota.Key, Long> realCounts() {
        return Map.of();
    }
}
