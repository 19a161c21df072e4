package com.realsim.card;

import com.realsim.platform.ScopedRepository;
import java.util.Optional;

interface CardEndUsers extends ScopedRepository<CardEndUser> {

    /** The card's current binding (at most one: a partial unique index). */
    Optional<CardEndUser> findByCardIdAndEndedAtIsNull(long cardId);
}
