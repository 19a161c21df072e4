package com.realsim.card.domain;

import com.realsim.platform.jobs.Recurring;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The periodic check of the one-ID-N-cards counters against real counts. Drift is logged (never the blind index
 * itself: it is a keyed hash of an ID number) for the operator to investigate; nothing is corrected automatically.
 */
@Component
@RequiredArgsConstructor
class QuotaDriftCheck {

    private static final Logger log = LoggerFactory.getLogger(QuotaDriftCheck.class);

    private final IdentityQuota quota;
    private final HeldCards heldCards;

    @Recurring(name = "card-quota-drift-check", cron = "${realsim.card.quota-drift-check-cron:0 17 3 * * *}")
    List<IdentityQuota.Drift> check() {
        List<IdentityQuota.Drift> drift = quota.compare(heldCards.realCounts());
        if (drift.isEmpty()) {
            log.info("One-ID-N-cards counters agree with the bound cards");
        } else {
            drift.forEach(d -> log.warn(
                    "One-ID-N-cards counter drift at {}: counter {} but {} cards bound",
                    d.operator(),
                    d.counted(),
                    d.real()));
        }
        return drift;
    }

    /** The real number of cards (not CANCELLED) bound to each identity at each operator ({@link EndUserBindings}). */
    interface HeldCards {
        Map<IdentityQuota.Key, Long> realCounts();
    }
}
