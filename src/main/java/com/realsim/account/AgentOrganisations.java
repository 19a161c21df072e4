package com.realsim.account;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgentOrganisations extends JpaRepository<AgentOrganisation, Long>, NewestFirst<AgentOrganisation> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByUscc(String uscc);

    List<AgentOrganisation> findAllByOrderByNameAsc();
}
