package com.realsim.card;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorSettings extends JpaRepository<OperatorSetting, Operator> {

    List<OperatorSetting> findAllByOrderByOperatorAsc();
}
