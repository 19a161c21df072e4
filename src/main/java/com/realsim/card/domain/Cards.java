package com.realsim.card.domain;

import com.realsim.platform.CurrentActor;
import com.realsim.platform.ScopedRepository;
import com.realsim.platform.TenantScope;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Cards extends ScopedRepository<Card> {

    /**
     * For system work only (listeners, jobs, other modules' completed orders): no tenant scope. JPQL, so that
     * Hibernate reuses its translation (a criteria query or a derived query is translated again on every call). Not
     * with its blocking history by {@code join fetch}: Hibernate 7.4 then fails with a NullPointerException in its
     * entity initializer when the card is already in the persistence context with changed reasons.
     */
    @Query("select c from Card c where c.iccid = :iccid")
    Optional<Card> findByIccid(@Param("iccid") String iccid);

    /** For system work only: the cards with these ICCIDs that exist, in no particular order. */
    @Query("select c from Card c where c.iccid in :iccids")
    List<Card> findAllByIccidIn(@Param("iccids") Collection<String> iccids);

    /**
     * The card with this ICCID if the current actor may see it; another tenant's card is not found, exactly like
     * one that does not exist. The scope is checked on the loaded card ({@link TenantScope#covers}), the same rule as
     * {@link #visible()} in SQL, so the look-up stays one reusable statement.
     */
    default Optional<Card> findVisibleByIccid(String iccid) {
        TenantScope scope = CurrentActor.scope();
        return findByIccid(iccid).filter(card -> scope.covers(card.agentId(), card.enterpriseId()));
    }
}
