package com.realsim.account;

import com.realsim.platform.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccounts extends JpaRepository<UserAccount, Long>, NewestFirst<UserAccount> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);

    List<UserAccount> findAllByOrderByUsernameAsc();

    List<UserAccount> findAllByAgentId(long agentId);
}
