package com.realsim.enterprise;

import com.realsim.platform.ScopedRepository;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Enterprises extends ScopedRepository<Enterprise> {

    /** The enterprise's standing facts in one statement; see {@link EnterpriseService#standing}. */
    @Query("""
            select new com.realsim.enterprise.StandingFacts(
                e.id, e.agentId, e.status, p.legalRepresentative, p.authorizationValidFrom, p.authorizationValidTo)
            from Enterprise e left join e.responsiblePersons p on p.status = :current
            where e.id = :id""")
    Optional<StandingFacts> findStandingFacts(@Param("id") long id, @Param("current") ResponsiblePerson.Status current);
}
