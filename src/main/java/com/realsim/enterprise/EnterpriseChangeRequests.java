package com.realsim.enterprise;

import com.realsim.platform.ScopedRepository;
import java.util.List;
import java.util.Optional;

interface EnterpriseChangeRequests extends ScopedRepository<EnterpriseChangeRequest> {

    Optional<EnterpriseChangeRequest> findByEnterpriseIdAndStatus(
            long enterpriseId, EnterpriseChangeRequest.Status status);

    List<EnterpriseChangeRequest> findByEnterpriseIdOrderByIdDesc(long enterpriseId);

    List<EnterpriseChangeRequest> findByStatusOrderByReviewSubmittedAtAsc(EnterpriseChangeRequest.Status status);
}
