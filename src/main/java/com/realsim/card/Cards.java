package com.realsim.card;

import com.realsim.platform.ScopedRepository;
import java.util.Optional;

interface Cards extends ScopedRepository<Card> {

    /** For system work only (listeners, jobs, other modules' completed orders): no tenant scope. */
    Optional<Card> findByIccid(String iccid);
}
