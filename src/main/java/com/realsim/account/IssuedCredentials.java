package com.realsim.account;

/** A client id with its secret in clear: answered once, when created or rotated, and never again. */
public record IssuedCredentials(long id, String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "IssuedCredentials[" + clientId + "]";
    }
}
