package com.realsim.catalogue.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServicePlans extends JpaRepository<ServicePlan, Long> {

    boolean existsByCode(String code);

    Optional<ServicePlan> findByCode(String code);

    List<ServicePlan> findAllByOrderByCodeAsc();
}
