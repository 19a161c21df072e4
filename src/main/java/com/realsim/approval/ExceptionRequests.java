package com.realsim.approval;

import com.realsim.platform.ScopedRepository;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ExceptionRequests extends ScopedRepository<ExceptionRequest> {

    /**
     * System look-up, not scoped: the card's pending or approved request (at most one of each: partial unique
     * indexes). Written as JPQL so that Hibernate reuses its translation; a derived query is translated again on every
     * call, and every card read asks this.
     */
    @Query("select r from ExceptionRequest r where r.cardId = :cardId and r.status = :status")
    Optional<ExceptionRequest> findByCardIdAndStatus(
            @Param("cardId") long cardId, @Param("status") ExceptionStatus status);
}
