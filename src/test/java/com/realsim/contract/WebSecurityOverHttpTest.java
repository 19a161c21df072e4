package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.platform.Role;
import com.realsim.testsupport.BrowserClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sessions and cookies over real HTTP: the session id changes at sign-in and the one from before signs nobody in,
 * session ids carry at least 128 random bits;
 * behind a proxy that terminates TLS and says so ({@code X-Forwarded-Proto: https}, honoured from the proxies of
 * {@code server.tomcat.remoteip.internal-proxies} by {@code server.forward-headers-strategy=native}) every cookie is
 * {@code Secure} and the answer carries HSTS, and over plain HTTP neither (so the checks can fail).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSecurityOverHttpTest {

    static final String PASSWORD = "Correct-horse-7";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    String newOpsUser() {
        String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createUser(new NewUser(name, PASSWORD, Role.OPS, null, null));
        return name;
    }

    @Test
    void theSessionIdChangesAtSignInAndTheOneFromBeforeSignsNobodyIn() {
        String name = newOpsUser();
        BrowserClient browser = new BrowserClient(port);
        browser.get("/login");
        String before = browser.sessionCookie().orElseThrow();

        assertThat(browser.signIn(name, PASSWORD)).endsWith("/");
        String after = browser.sessionCookie().orElseThrow();

        assertThat(after).isNotEqualTo(before);
        assertThat(browser.get("/").body()).contains("id=\"dashboard\"");
        BrowserClient planted = new BrowserClient(port);
        planted.useSessionCookie(before);
        HttpResponse<String> fixated = planted.get("/");
        assertThat(fixated.statusCode())
                .as("the session id a fixation attack planted before the sign-in")
                .isEqualTo(302);
        assertThat(fixated.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void sessionIdsCarryAtLeast128RandomBits() {
        String name = newOpsUser();
        BrowserClient browser = new BrowserClient(port);
        browser.get("/login");
        String before = sessionId(browser.sessionCookie().orElseThrow());
        browser.signIn(name, PASSWORD);
        String after = sessionId(browser.sessionCookie().orElseThrow());

        for (String id : List.of(before, after)) {
            assertThat(id)
                    .as("27 random bytes in base64url (216 bits), not a UUID (122 random bits)")
                    .matches("[A-Za-z0-9_-]{36}")
                    .doesNotMatch("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}")
                    // all 36 characters among the 17 of a UUID by chance: (17/64)^36, about 10^-21
                    .containsPattern("[^0-9a-f-]");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(27);
        }
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void theServerRefusesTrace() throws Exception {
        HttpResponse<String> trace = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                                .header("X-Secret-Probe", "echo-me")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("echo-me");
    }

    /** The session id a SESSION cookie carries (Spring Session writes it base64-encoded). */
    static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
    }

    @Test
    void behindATlsTerminatingProxyEveryCookieIsSecureAndTheAnswerCarriesHsts() {
        Journey https = new Journey(true);
        https.walk(newOpsUser());

        assertThat(https.cookies)
                .as("the session cookie at the first page and at sign-in, the language cookie, the cleared session")
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(
                        cookie -> assertThat(cookie.toLowerCase(Locale.ROOT)).contains("; secure"));
        assertThat(https.cookies)
                .as("session cookies with a session id")
                .filteredOn(cookie -> cookie.startsWith("SESSION=") && !cookie.startsWith("SESSION=;"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(cookie -> assertThat(cookie.toLowerCase(Locale.ROOT))
                        .contains("; httponly")
                        .contains("; samesite=lax"));
        assertThat(https.cookies).anyMatch(cookie -> cookie.startsWith("realsim-lang="));
        assertThat(https.hsts)
                .as("a year, subdomains too")
                .allSatisfy(
                        value -> assertThat(value).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(https.hsts).hasSize(https.responses);
    }

    @Test
    void overPlainHttpCookiesAreNotSecureAndThereIsNoHsts() {
        Journey http = new Journey(false);
        http.walk(newOpsUser());

        assertThat(http.cookies)
                .hasSizeGreaterThanOrEqualTo(4)
                .noneSatisfy(
                        cookie -> assertThat(cookie.toLowerCase(Locale.ROOT)).contains("; secure"));
        assertThat(http.hsts).isEmpty();
    }

    /**
     * A browser's visit, every request with or without {@code X-Forwarded-Proto: https}: the sign-in page, signing in,
     * switching the language, signing out; every {@code Set-Cookie} and {@code Strict-Transport-Security} it was sent.
     */
    final class Journey {

        final boolean https;
        final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        final List<String> cookies = new ArrayList<>();
        final List<String> hsts = new ArrayList<>();
        final Map<String, String> jar = new LinkedHashMap<>();
        int responses;
        String csrf;

        Journey(boolean https) {
            this.https = https;
        }

        void walk(String user) {
            get("/login");
            HttpResponse<String> signIn = post("/login", Map.of("username", user, "password", PASSWORD));
            assertThat(signIn.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
            assertThat(get("/?lang=zh-CN").statusCode()).isEqualTo(200);
            assertThat(get("/?lang=en").statusCode()).isEqualTo(200);
            HttpResponse<String> signOut = post("/logout", Map.of());
            assertThat(signOut.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("/login?logout"));
        }

        HttpResponse<String> get(String path) {
            HttpResponse<String> response = send(request(path).GET());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", csrf);
            String body = fields.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(request(path)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html")
                    .header("Accept-Language", "en");
            if (https) {
                request.header("X-Forwarded-Proto", "https");
            }
            if (!jar.isEmpty()) {
                request.header(
                        "Cookie",
                        jar.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response =
                        client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                responses++;
                for (String cookie : response.headers().allValues("Set-Cookie")) {
                    cookies.add(cookie);
                    String pair = cookie.split(";", 2)[0];
                    int equals = pair.indexOf('=');
                    String name = pair.substring(0, equals);
                    String value = pair.substring(equals + 1);
                    if (value.isEmpty()) {
                        jar.remove(name);
                    } else {
                        jar.put(name, value);
                    }
                }
                hsts.addAll(response.headers().allValues("Strict-Transport-Security"));
                return response;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
