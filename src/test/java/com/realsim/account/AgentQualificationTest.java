package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.Actor;
import com.realsim.platform.AgentQualifications;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.SuspendableAgents;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * An agent's qualification over real HTTP and PostgreSQL: suspend, reinstate and revoke with reasons and history;
 * a suspended agent's client reads and cannot change; a revoked agent's sessions end, its accounts cannot sign in,
 * its tokens stop — within a second on another instance too — and its USCC is blacklisted.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "app.bootstrap.admin-client-id=bootstrap-admin",
            "app.bootstrap.admin-client-secret=bootstrap-secret-0123456789"
        })
class AgentQualificationTest {

    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);
    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ApiClientService clients;

    @Autowired
    ApiClients clientRecords;

    @Autowired
    AccountUserDetailsService signIn;

    @Autowired
    AgentQualifications qualifications;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

    PartnerApiClient admin() {
        return PartnerApiClient.signedIn(port, "bootstrap-admin", "bootstrap-secret-0123456789");
    }

    private AgentSummary newAgent(String uscc) {
        return SuspendableAgents.create(context, "资格测试渠道 " + UUID.randomUUID(), uscc);
    }

    @Test
    void suspendReinstateAndRevokeEachNeedAReasonAndStayInTheHistory() {
        AgentSummary agent = newAgent(FreshNumbers.uscc());
        PartnerApiClient admin = admin();
        String path = "/api/v1/agents/" + agent.id();

        Answer noReason = admin.post(path + "/suspend", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");

        Answer suspended = admin.post(path + "/suspend", Map.of("reason", "虚假登记调查中"));
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.json().get("statusReason").asString()).isEqualTo("虚假登记调查中");
        assertThat(admin.post(path + "/suspend", Map.of("reason", "again")).code())
                .isEqualTo("ILLEGAL_STATE_TRANSITION");

        assertThat(admin.post(path + "/reinstate", Map.of("reason", "调查结束"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");
        assertThat(admin.post(path + "/revoke", Map.of("reason", "批量开卡"))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("REVOKED");
        assertThat(admin.post(path + "/reinstate", Map.of("reason", "不行")).code())
                .as("REVOKED is final")
                .isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(admin.get(path).json().get("status").asString()).isEqualTo("REVOKED");

        AgentDetails details = RunAs.run(ADMIN, () -> accounts.agentDetails(agent.id()));
        assertThat(details.history())
                .extracting(AgentSummary.StatusChange::to, AgentSummary.StatusChange::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AgentStatus.REVOKED, "批量开卡"),
                        org.assertj.core.groups.Tuple.tuple(AgentStatus.ACTIVE, "调查结束"),
                        org.assertj.core.groups.Tuple.tuple(AgentStatus.SUSPENDED, "虚假登记调查中"));
        // the trail records each act after its commit, in the background: two acts close together may be appended
        // in either order, so the entries are read in the order the acts happened (the event time each one keeps)
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT action FROM audit_entry WHERE target_type = 'AGENT' AND target_id = ?"
                                                + " ORDER BY occurred_at, id")
                                        .param(String.valueOf(agent.id()))
                                        .query(String.class)
                                        .list())
                        .containsExactly("AGENT_CREATED", "AGENT_SUSPENDED", "AGENT_REINSTATED", "AGENT_REVOKED"));
    }

    @Test
    void opsMaySuspendButOnlyAnAdministratorReinstatesOrRevokes() {
        AgentSummary agent = newAgent(null);
        RunAs.run(OPS, () -> accounts.suspendAgent(agent.id(), "渠道异常"));
        assertThatThrownBy(() -> RunAs.run(OPS, () -> accounts.reinstateAgent(agent.id(), "恢复")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> RunAs.run(OPS, () -> accounts.revokeAgent(agent.id(), "撤销")))
                .isInstanceOf(DomainException.class);
        Actor agentUser = ActorAuthentication.actor(Role.AGENT, agent.id(), null);
        assertThatThrownBy(() -> RunAs.run(agentUser, () -> accounts.suspendAgent(agent.id(), "自己")))
                .isInstanceOf(DomainException.class);
        assertThat(RunAs.run(ADMIN, () -> accounts.agentDetails(agent.id()))
                        .agent()
                        .status())
                .isEqualTo(AgentStatus.SUSPENDED);
    }

    @Test
    void aSuspendedAgentsClientReadsButEveryChangeAnswersAgentNotQualified() {
        AgentSummary agent = newAgent(null);
        IssuedCredentials issued =
                clients.create(new NewApiClient("channel platform", Role.AGENT, agent.id(), null), null);
        PartnerApiClient client = PartnerApiClient.signedIn(port, issued.clientId(), issued.clientSecret());
        Map<String, Object> enterprise = Map.of("name", "暂停测试企业", "certificateType", "USCC");

        RunAs.run(ADMIN, () -> accounts.suspendAgent(agent.id(), "调查"));

        assertThat(client.get("/api/v1/enterprises").status()).isEqualTo(200);
        Answer refused = client.post("/api/v1/enterprises", enterprise);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("AGENT_NOT_QUALIFIED");

        RunAs.run(ADMIN, () -> accounts.reinstateAgent(agent.id(), "调查结束"));
        assertThat(client.post("/api/v1/enterprises", enterprise).code())
                .as("reinstated: the request reaches the rules of the form again")
                .isNotEqualTo("AGENT_NOT_QUALIFIED");
    }

    @Test
    void aRevokedAgentsSessionsEndItsAccountsCannotSignInAndItsUsccIsBlacklisted() {
        String uscc = FreshNumbers.uscc();
        AgentSummary agent = newAgent(uscc);
        String username = "revoked-" + Long.toHexString(System.nanoTime());
        RunAs.run(
                ADMIN,
                () -> accounts.createUser(
                        new NewUser(username, "Revoked-Channel-2026!", Role.AGENT, agent.id(), null)));
        @SuppressWarnings({"unchecked", "rawtypes"})
        org.springframework.session.SessionRepository<org.springframework.session.Session> repository =
                (org.springframework.session.SessionRepository) sessions;
        org.springframework.session.Session session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, username);
        repository.save(session);
        assertThat(sessions.findByPrincipalName(username)).hasSize(1);
        assertThat(signIn.loadUserByUsername(username).isEnabled()).isTrue();

        RunAs.run(ADMIN, () -> accounts.revokeAgent(agent.id(), "倒卖物联网卡"));

        assertThat(sessions.findByPrincipalName(username))
                .as("its sessions' rows are gone")
                .isEmpty();
        assertThat(signIn.loadUserByUsername(username).isEnabled())
                .as("it can no longer sign in")
                .isFalse();
        assertThat(qualifications.mayChange(agent.id())).isFalse();

        Answer again = admin().post("/api/v1/agents", Map.of("name", "换个名字 " + UUID.randomUUID(), "uscc", uscc));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("AGENT_BLACKLISTED");
        assertThat(again.body()).contains("\"field\":\"uscc\"");
        assertThat(admin().post("/api/v1/agents", Map.of("name", "无代码渠道 " + UUID.randomUUID()))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aRevokedAgentsTokensStopAtOnceHereAndWithinASecondOnAnotherInstance() throws Exception {
        AgentSummary agent = newAgent(null);
        IssuedCredentials issued =
                clients.create(new NewApiClient("channel platform", Role.AGENT, agent.id(), null), null);
        PartnerApiClient client = PartnerApiClient.signedIn(port, issued.clientId(), issued.clientSecret());
        assertThat(client.get("/api/v1/enterprises").status()).isEqualTo(200);
        String version = clientRecords.findById(issued.id()).orElseThrow().credentialsVersion();
        // Another instance on the same database: its own registry, with its own kept answers.
        ApiClientRegistry otherInstance =
                new ApiClientRegistry(clientRecords, jdbc, Duration.ofMinutes(30), Duration.ofSeconds(1));
        assertThat(otherInstance.activeClient(issued.clientId(), version)).isPresent();

        RunAs.run(ADMIN, () -> accounts.revokeAgent(agent.id(), "批量开卡"));
        long revokedAt = System.nanoTime();

        assertThat(client.get("/api/v1/enterprises").status())
                .as("this instance: at once")
                .isEqualTo(401);
        assertThat(new PartnerApiClient(port)
                        .requestToken(issued.clientId(), issued.clientSecret())
                        .status())
                .as("no new token")
                .isEqualTo(401);
        Optional<Actor> seen = otherInstance.activeClient(issued.clientId(), version);
        while (seen.isPresent()
                && System.nanoTime() - revokedAt < Duration.ofSeconds(3).toNanos()) {
            Thread.sleep(50);
            seen = otherInstance.activeClient(issued.clientId(), version);
        }
        assertThat(seen).as("the other instance stops it too").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt))
                .as("within a second (and the poll's step)")
                .isLessThan(Duration.ofMillis(1200));
    }
}
