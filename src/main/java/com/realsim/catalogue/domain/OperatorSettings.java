package com.realsim.catalogue.domain;

import com.realsim.catalogue.Operator;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OperatorSettings extends JpaRepository<OperatorSetting, Operator> {

    List<OperatorSetting> findAllByOrderByOperatorAsc();
}
