package com.realsim.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code APP_BOOTSTRAP_ADMIN_PASSWORD} creates the browser account {@code admin} on the first start;
 * {@code APP_BOOTSTRAP_ADMIN_CLIENT_ID} and {@code APP_BOOTSTRAP_ADMIN_CLIENT_SECRET} an ADMIN API client.
 */
@ConfigurationProperties("app.bootstrap")
record BootstrapProperties(String adminPassword, String adminClientId, String adminClientSecret) {

    @Override
    public String toString() {
        return "BootstrapProperties[adminClientId=" + adminClientId + "]";
    }
}
