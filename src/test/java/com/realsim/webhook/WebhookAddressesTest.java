package com.realsim.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The address rules as the sender applies them before every delivery (DNS rebinding: a host may resolve elsewhere than
 * when it was registered), and the signature a partner checks.
 */
class WebhookAddressesTest {

    static WebhookProperties allowing(String... hosts) {
        return new WebhookProperties(
                List.of(hosts),
                Duration.ofHours(25),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                50,
                Duration.ofMinutes(2),
                Duration.ofDays(30));
    }

    @Test
    void beforeEachDeliveryTheHostIsResolvedAgain() {
        WebhookAddresses strict = new WebhookAddresses(allowing());
        assertThat(strict.problem(URI.create("https://localhost/hook"))).contains("webhook.url.internal");
        assertThat(strict.problem(URI.create("http://127.0.0.1:8080/hook"))).contains("webhook.url.internal");
        assertThat(strict.problem(URI.create("https://partner.invalid/hook"))).contains("webhook.url.unresolved");
        assertThat(strict.problem(URI.create("https://8.8.8.8/hook"))).isEmpty();

        WebhookAddresses development = new WebhookAddresses(allowing(" 127.0.0.1 ", ""));
        assertThat(development.problem(URI.create("http://127.0.0.1:8080/hook")))
                .isEmpty();
        assertThat(development.problem(URI.create("https://localhost/hook"))).contains("webhook.url.internal");
    }

    @Test
    void internalAddresses() throws Exception {
        for (String internal : List.of(
                "127.0.0.1",
                "10.0.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "fe80::1",
                "fd12:3456::1",
                "::")) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(internal)))
                    .as(internal)
                    .isTrue();
        }
        for (String external : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888")) {
            assertThat(WebhookAddresses.internal(InetAddress.getByName(external)))
                    .as(external)
                    .isFalse();
        }
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSecrets.signature("Jefe", "what do ya want for nothing?"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
