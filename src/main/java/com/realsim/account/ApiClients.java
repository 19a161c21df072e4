package com.realsim.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiClients extends JpaRepository<ApiClient, Long>, NewestFirst<ApiClient> {

    Optional<ApiClient> findByClientId(String clientId);

    boolean existsByClientId(String clientId);

    List<ApiClient> findAllByOrderByCreatedAtDesc();
}
