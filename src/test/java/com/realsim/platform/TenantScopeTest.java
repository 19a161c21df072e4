package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which records each role's scope covers, in memory and in hand-written SQL. */
class TenantScopeTest {

    @Test
    void operatorSideRolesSeeEveryTenant() {
        for (Role role : new Role[] {Role.ADMIN, Role.OPS}) {
            TenantScope scope = new Actor(Actor.Kind.USER, 1, "x", role, null, null).scope();
            assertThat(scope.covers(7L, 9L)).isTrue();
            assertThat(scope.covers(null, null)).isTrue();
            assertThat(scope.sqlCondition("c.agent_id", "c.enterprise_id")).isEqualTo("true");
        }
    }

    @Test
    void anAgentSeesOnlyItsOwnAgentsRecords() {
        TenantScope scope = new Actor(Actor.Kind.USER, 1, "x", Role.AGENT, 7L, null).scope();
        assertThat(scope.covers(7L, 9L)).isTrue();
        assertThat(scope.covers(8L, 9L)).isFalse();
        assertThat(scope.covers(null, 9L)).as("inventory that no agent owns").isFalse();
        assertThat(scope.sqlCondition("c.agent_id", "c.enterprise_id")).isEqualTo("c.agent_id = :scopeTenant");
        assertThat(scope.sqlParameter()).isEqualTo(7L);
    }

    @Test
    void anEnterpriseAdminSeesOnlyItsEnterprisesRecords() {
        TenantScope scope = new Actor(Actor.Kind.API_CLIENT, 1, "x", Role.ENTERPRISE_ADMIN, null, 9L).scope();
        assertThat(scope.covers(7L, 9L)).isTrue();
        assertThat(scope.covers(7L, 10L)).isFalse();
        assertThat(scope.sqlCondition("c.agent_id", "c.enterprise_id")).isEqualTo("c.enterprise_id = :scopeTenant");
    }

    @Test
    void nobodySignedInSeesNothing() {
        assertThat(TenantScope.nothing().covers(7L, 9L)).isFalse();
        assertThat(TenantScope.nothing().sqlCondition("a", "e")).isEqualTo("false");
        assertThat(CurrentActor.scope()).isEqualTo(TenantScope.nothing());
    }

    @Test
    void anActorWithoutItsOrganisationCannotExist() {
        assertThatThrownBy(() -> new Actor(Actor.Kind.USER, 1, "x", Role.AGENT, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor(Actor.Kind.USER, 1, "x", Role.ENTERPRISE_ADMIN, 3L, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usersAndApiClientsNeverShareAPrincipalKey() {
        Actor user = new Actor(Actor.Kind.USER, 5, "same", Role.OPS, null, null);
        Actor client = new Actor(Actor.Kind.API_CLIENT, 5, "same", Role.OPS, null, null);
        assertThat(user.principalKey()).isNotEqualTo(client.principalKey());
    }
}
