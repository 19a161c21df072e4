package com.realsim.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiClients extends JpaRepository<ApiClient, Long> {

    Optional<ApiClient> findByClientId(String clientId);

    boolean existsByClientId(String clientId);

    List<ApiClient> findAllByOrderByCreatedAtDesc();

    @org.springframework.data.jpa.repository.Query("select c from ApiClient c where c.id < :afterId order by c.id desc")
    List<ApiClient> findPage(long afterId, org.springframework.data.domain.Limit limit);
}
