package com.realsim.platform;

import java.util.Optional;

/**
 * Lets the API's filter chain turn a verified access token into an {@link Actor} without depending on the module
 * that keeps API clients. Answers empty for a client that is unknown, disabled, or whose secret was rotated after
 * the token was issued: such tokens stop working at once on the instance that made the change, and within
 * {@code realsim.api.client-check-ttl} on the others.
 */
public interface ApiClientDirectory {

    /** The claim in which tokens name the version of the client's credentials they were issued under. */
    String CREDENTIALS_VERSION_CLAIM = "credentials_version";

    Optional<Actor> activeClient(String clientId, String credentialsVersion);
}
