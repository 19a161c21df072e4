package com.realsim.card;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ServicePlans extends JpaRepository<ServicePlan, Long> {

    boolean existsByCode(String code);

    Optional<ServicePlan> findByCode(String code);

    List<ServicePlan> findAllByOrderByCodeAsc();
}
