package com.realsim.account;

import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads a browser account for form login, locked while its lockout lasts. */
@Component
@RequiredArgsConstructor
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccounts users;
    private final AgentOrganisations agents;
    private final Clock clock;

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.findByUsername(AccountService.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new AccountUserDetails(
                user.actor(),
                user.passwordHash(),
                user.enabled() && !ofARevokedAgent(user),
                user.isLockedAt(clock.instant()),
                user.mustChangePassword());
    }

    /** A revoked agent's accounts can no longer sign in. */
    private boolean ofARevokedAgent(UserAccount user) {
        return user.agentId() != null
                && agents.findById(user.agentId())
                        .filter(a -> a.status() == AgentStatus.REVOKED)
                        .isPresent();
    }
}
