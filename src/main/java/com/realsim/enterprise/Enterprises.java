package com.realsim.enterprise;

import com.realsim.platform.ScopedRepository;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;

interface Enterprises extends ScopedRepository<Enterprise> {

    boolean existsByAgentIdAndCertificateNumber(long agentId, String certificateNumber);

    @Query("select e from Enterprise e where e.status in :statuses order by e.submittedAt asc, e.id asc")
    List<Enterprise> findQueue(List<EnterpriseStatus> statuses, Limit limit);

    long countByStatus(EnterpriseStatus status);

    List<Enterprise> findAllByStatusOrderByNameAsc(EnterpriseStatus status);
}
