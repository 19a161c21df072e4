package com.realsim.enterprise;

import com.realsim.platform.ScopedRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Enterprises extends ScopedRepository<Enterprise> {

    boolean existsByAgentIdAndCertificateNumber(long agentId, String certificateNumber);

    @Query("select e from Enterprise e where e.status in :statuses order by e.submittedAt asc, e.id asc")
    List<Enterprise> findQueue(List<EnterpriseStatus> statuses, Limit limit);

    long countByStatus(EnterpriseStatus status);

    /** The enterprise's standing facts in one statement; see {@link EnterpriseService#standing}. */
    @Query("""
            select new com.realsim.enterprise.StandingFacts(
                e.id, e.agentId, e.status, p.legalRepresentative, p.authorizationValidFrom, p.authorizationValidTo)
            from Enterprise e left join e.responsiblePersons p on p.status = :current
            where e.id = :id""")
    Optional<StandingFacts> findStandingFacts(@Param("id") long id, @Param("current") ResponsiblePerson.Status current);

    List<Enterprise> findAllByStatusOrderByNameAsc(EnterpriseStatus status);
}
