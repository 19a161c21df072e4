package com.realsim.account;

import com.realsim.platform.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccounts extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);

    List<UserAccount> findAllByOrderByUsernameAsc();

    List<UserAccount> findAllByAgentId(long agentId);

    @org.springframework.data.jpa.repository.Query(
            "select u from UserAccount u where u.id < :afterId order by u.id desc")
    List<UserAccount> findPage(long afterId, org.springframework.data.domain.Limit limit);
}
