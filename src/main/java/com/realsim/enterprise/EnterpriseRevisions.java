package com.realsim.enterprise;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnterpriseRevisions extends JpaRepository<EnterpriseRevision, Long> {

    List<EnterpriseRevision> findByEnterpriseIdOrderByIdDesc(long enterpriseId);
}
