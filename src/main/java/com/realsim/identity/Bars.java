package com.realsim.identity;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Bars extends JpaRepository<Bar, Long> {

    @Query("select b from Bar b where b.id < :afterId order by b.id desc")
    List<Bar> findPage(long afterId, Limit limit);
}
