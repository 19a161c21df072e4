package com.realsim.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.realsim.platform.Actor;
import com.realsim.platform.ApiClientDirectory;
import com.realsim.platform.Role;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Presents the enabled API clients to Spring Authorization Server (client credentials only, secret by HTTP Basic,
 * tokens for {@code realsim.api.token-ttl}) and tells the API's filter chain which client a token acts as.
 */
@Component
class ApiClientRegistry implements RegisteredClientRepository, ApiClientDirectory {

    private final ApiClients clients;
    private final JdbcClient jdbc;
    private final Duration tokenTimeToLive;
    private final Cache<TokenClient, Optional<Actor>> activeClients;

    ApiClientRegistry(
            ApiClients clients,
            JdbcClient jdbc,
            @Value("${realsim.api.token-ttl:30m}") Duration tokenTimeToLive,
            @Value("${realsim.api.client-check-ttl:1s}") Duration clientCheckTimeToLive) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.tokenTimeToLive = tokenTimeToLive;
        this.activeClients = Caffeine.newBuilder()
                .expireAfterWrite(clientCheckTimeToLive)
                .maximumSize(10_000)
                .build();
    }

    /** A token's client and the credentials version it was issued under. */
    private record TokenClient(String clientId, String credentialsVersion) {}

    /** Clients are created through {@link ApiClientService}; the authorization server only reads them. */
    @Override
    public void save(RegisteredClient registeredClient) {
        throw new IllegalStateException("API clients are created by an ADMIN through ApiClientService");
    }

    @Override
    @Transactional(readOnly = true)
    public RegisteredClient findById(String id) {
        try {
            return clients.findById(Long.valueOf(id))
                    .filter(ApiClient::enabled)
                    .filter(this::notOfARevokedAgent)
                    .map(this::registered)
                    .orElse(null);
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public RegisteredClient findByClientId(String clientId) {
        return clients.findByClientId(clientId)
                .filter(ApiClient::enabled)
                .filter(this::notOfARevokedAgent)
                .map(this::registered)
                .orElse(null);
    }

    /**
     * Asked on every Partner API request: the client is enabled and its credentials are the version the token was
     * issued under. The answer is kept for {@code realsim.api.client-check-ttl} (default 1 s): a change through
     * {@link ApiClientService} on this instance is seen by the next request after its commit, a change on another
     * instance within that time.
     */
    @Override
    public Optional<Actor> activeClient(String clientId, String credentialsVersion) {
        return activeClients.get(
                new TokenClient(clientId, credentialsVersion),
                key -> readActiveClient(key.clientId(), key.credentialsVersion()));
    }

    /**
     * When the transaction that changes this client ends (committed or not), its kept answers are dropped, so that a
     * disabled or rotated client's tokens stop working on this instance at once.
     */
    void forgetWhenTheTransactionEnds(String clientId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                activeClients.asMap().keySet().removeIf(key -> key.clientId().equals(clientId));
            }
        });
    }

    /** Drops every kept answer when the transaction ends: an agent's revocation stops all its clients at once. */
    void forgetAllWhenTheTransactionEnds() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                activeClients.invalidateAll();
            }
        });
    }

    /** A revoked agent's clients get no new token. */
    private boolean notOfARevokedAgent(ApiClient client) {
        return client.agentId() == null
                || !jdbc.sql("SELECT EXISTS (SELECT 1 FROM agent_organisation WHERE id = ? AND status = 'REVOKED')")
                        .param(client.agentId())
                        .query(Boolean.class)
                        .single();
    }

    /** One indexed query without a transaction. */
    private Optional<Actor> readActiveClient(String clientId, String credentialsVersion) {
        return jdbc
                .sql("""
                        SELECT id, role, agent_id, enterprise_id, secret_rotated_at FROM api_client c
                        WHERE client_id = ? AND enabled AND NOT EXISTS (
                            SELECT 1 FROM agent_organisation a WHERE a.id = c.agent_id AND a.status = 'REVOKED')""")
                .param(clientId)
                .query((rs, row) -> {
                    String version = Long.toString(
                            rs.getTimestamp("secret_rotated_at").toInstant().toEpochMilli());
                    if (!version.equals(credentialsVersion)) {
                        return null;
                    }
                    return new Actor(
                            Actor.Kind.API_CLIENT,
                            rs.getLong("id"),
                            clientId,
                            Role.valueOf(rs.getString("role")),
                            (Long) rs.getObject("agent_id"),
                            (Long) rs.getObject("enterprise_id"));
                })
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private RegisteredClient registered(ApiClient client) {
        ClientSettings.Builder settings = ClientSettings.builder()
                .requireProofKey(false)
                .requireAuthorizationConsent(false)
                .setting("realsim.role", client.role().name())
                .setting("realsim." + CREDENTIALS_VERSION_CLAIM, client.credentialsVersion());
        if (client.agentId() != null) {
            settings.setting("realsim.agent_id", client.agentId());
        }
        if (client.enterpriseId() != null) {
            settings.setting("realsim.enterprise_id", client.enterpriseId());
        }
        return RegisteredClient.withId(client.id().toString())
                .clientId(client.clientId())
                .clientSecret(client.secretHash())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(tokenTimeToLive)
                        .build())
                .build();
    }
}
