package com.realsim.card.domain;

import com.realsim.platform.ScopedRepository;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CardEndUsers extends ScopedRepository<CardEndUser> {

    /**
     * The card's current binding (at most one: a partial unique index). JPQL, so that Hibernate reuses its
     * translation: every card read asks this.
     */
    @Query("select b from CardEndUser b where b.cardId = :cardId and b.endedAt is null")
    Optional<CardEndUser> findByCardIdAndEndedAtIsNull(@Param("cardId") long cardId);
}
