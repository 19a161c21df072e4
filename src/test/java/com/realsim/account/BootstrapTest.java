package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.RealSimApplication;
import com.realsim.testsupport.FreshDatabaseContextCustomizerFactory;
import com.realsim.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first administrator and API client come from the environment on a first start only; without it there is no
 * account and no default password, and a later start never changes what exists.
 */
class BootstrapTest {

    @Test
    void theEnvironmentCreatesTheAdministratorOnceAndALaterStartChangesNothing() {
        String database = TestPostgres.server().newDatabaseUrl();
        try (ConfigurableApplicationContext without = start(database)) {
            assertThat(without.getBean(AccountService.class).userExists("admin"))
                    .isFalse();
            assertThat(without.getBean(AccountService.class).anyAdministrator()).isFalse();
        }
        try (ConfigurableApplicationContext first = start(
                database,
                "--app.bootstrap.admin-password=First-password-1",
                "--app.bootstrap.admin-client-id=partner-bootstrap",
                "--app.bootstrap.admin-client-secret=first-secret-0123456789")) {
            assertThat(first.getBean(AccountService.class).userExists("admin")).isTrue();
            assertThat(first.getBean(ApiClientService.class).clients())
                    .singleElement()
                    .satisfies(client -> assertThat(client.clientId()).isEqualTo("partner-bootstrap"));
        }
        try (ConfigurableApplicationContext second = start(
                database,
                "--app.bootstrap.admin-password=Second-password-2",
                "--app.bootstrap.admin-client-id=partner-bootstrap",
                "--app.bootstrap.admin-client-secret=second-secret-0123456789")) {
            var details = second.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
                    .loadUserByUsername("admin");
            var encoder = second.getBean(org.springframework.security.crypto.password.PasswordEncoder.class);
            assertThat(encoder.matches("First-password-1", details.getPassword()))
                    .isTrue();
            assertThat(encoder.matches("Second-password-2", details.getPassword()))
                    .isFalse();
            assertThat(second.getBean(ApiClientService.class).clients()).hasSize(1);
        }
    }

    @Test
    void aWeakBootstrapPasswordCreatesNothing() {
        String database = TestPostgres.server().newDatabaseUrl();
        try (ConfigurableApplicationContext context = start(database, "--app.bootstrap.admin-password=admin")) {
            assertThat(context.getBean(AccountService.class).userExists("admin"))
                    .isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String database, String... arguments) {
        List<String> all = new ArrayList<>();
        FreshDatabaseContextCustomizerFactory.connection(database).forEach(property -> all.add("--" + property));
        all.add("--server.port=0");
        all.add("--spring.main.banner-mode=off");
        all.add("--realsim.data-dir=target/bootstrap-test");
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(RealSimApplication.class).run(all.toArray(String[]::new));
    }
}
