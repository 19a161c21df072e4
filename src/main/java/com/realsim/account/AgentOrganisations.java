package com.realsim.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgentOrganisations extends JpaRepository<AgentOrganisation, Long> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByUscc(String uscc);

    List<AgentOrganisation> findAllByOrderByNameAsc();

    @org.springframework.data.jpa.repository.Query(
            "select a from AgentOrganisation a where a.id < :afterId order by a.id desc")
    List<AgentOrganisation> findPage(long afterId, org.springframework.data.domain.Limit limit);
}
