package com.realsim.catalogue.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RealNameRules extends JpaRepository<RealNameRule, Long> {

    List<RealNameRule> findAllByOrderByPriorityAsc();

    boolean existsByPriorityAndIdNot(int priority, long id);

    boolean existsByCodeAndIdNot(String code, long id);
}
