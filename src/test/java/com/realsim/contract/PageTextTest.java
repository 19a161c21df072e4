package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import com.realsim.account.AccountService;
import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.account.NewUser;
import com.realsim.account.UserSummary;
import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.approval.ExceptionView;
import com.realsim.audit.AuditTrail;
import com.realsim.card.BlockingReason;
import com.realsim.card.CardQuery;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.card.CardView;
import com.realsim.card.CardsForOrders;
import com.realsim.card.EndUserService;
import com.realsim.card.domain.CardStates;
import com.realsim.card.inventory.CardImportService;
import com.realsim.card.usage.UsageUploadService;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.catalogue.RealNamePolicy;
import com.realsim.catalogue.RealNameRuleDefinition;
import com.realsim.catalogue.RealNameRuleView;
import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.ChangeRequestView;
import com.realsim.enterprise.EnterpriseDocumentKind;
import com.realsim.enterprise.EnterpriseInput;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseStatus;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.identity.IdType;
import com.realsim.identity.UnmaskService;
import com.realsim.order.OrderDocumentKind;
import com.realsim.order.OrderInput;
import com.realsim.order.OrderService;
import com.realsim.order.OrderType;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.platform.Labelled;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.VerificationService;
import jakarta.servlet.RequestDispatcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of every role, in Chinese and in English, reads as words: generated from the registered request
 * mappings, each GET page is rendered (200 with HTML) for each role that may open it, over the demo's data and the
 * fixtures below (enterprises in each state, change requests, orders of several types and outcomes, cards in several
 * states with their blocking reasons, end users, verification cases, exceptions, an import with rejected rows, API
 * clients, a locked account, audit entries of all of it), and fails on program text: {@code ??key??} (a missing
 * message), {@code [L…} or {@code java.} (an object printed), a raw ISO instant, or a code shown as text where the
 * bundles have its label (the constants of the project's enums that have labels, and every code that is the last
 * part of a bundle key, such as audit actions and target types).
 *
 * <p>What counts is what a person reads: the text of the page and its {@code alt}, {@code title}, {@code placeholder}
 * and {@code aria-label} attributes, not attribute values (form options' values, data attributes), scripts or
 * {@code <code>} elements, which mark identifiers a person types or quotes (a plan's or a rule's code, an API client
 * id, an uploaded CSV row). A word that the bundles of a language themselves use (ICCID, SMS, PDF…) is a word there.
 *
 * <p>A GET mapping that is neither in {@link #PAGES} nor in {@link #NOT_PAGES} fails the build, as in {@link
 * TenantIsolationTest}: a new page cannot be missed. Roles a page does not list must hear 403, so each list is
 * checked against the security rules too.
 *
 * <p>The test runs with the {@code demo} profile in a context of its own (the property below), so that its fixtures
 * do not change the demo that {@code DemoDataTest} counts.
 */
@SpringBootTest(properties = "realsim.web.time-zone=Asia/Shanghai")
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class PageTextTest {

    static final Set<Role> STAFF_AND_TENANTS = Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN);
    static final Set<Role> EVERYONE = Set.of(Role.values());
    static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    /**
     * One request for a page: the address, the status it answers with, for the error page the error's status, and
     * whether it answers a fragment of a page (htmx) rather than a whole one.
     */
    record Visit(String uri, int status, Integer errorStatus, boolean fragment) {

        Visit(String uri, int status, Integer errorStatus) {
            this(uri, status, errorStatus, false);
        }

        static Visit ok(String uri) {
            return new Visit(uri, 200, null);
        }
    }

    /** How a page is reached: the roles that may open it (none: nobody is signed in), and its visits per role. */
    record Page(Set<Role> roles, BiFunction<World, Role, List<Visit>> visits) {

        boolean anonymous() {
            return roles.isEmpty();
        }
    }

    static Page page(Set<Role> roles, String... uris) {
        return new Page(
                roles, (world, role) -> Arrays.stream(uris).map(Visit::ok).toList());
    }

    static Page records(Set<Role> roles, BiFunction<World, Role, List<String>> uris) {
        return new Page(
                roles,
                (world, role) -> uris.apply(world, role).stream().map(Visit::ok).toList());
    }

    /** The fixture registry: every GET page (by its mapping's pattern) and how the world reaches it. */
    static final Map<String, Page> PAGES = new TreeMap<>();

    static {
        PAGES.put("/", page(EVERYONE, "/"));
        PAGES.put("/login", page(Set.of(), "/login", "/login?error", "/login?logout", "/login?expired"));
        PAGES.put(
                "/error",
                new Page(
                        EVERYONE,
                        (world, role) -> Stream.of(400, 403, 404, 500)
                                .map(status -> new Visit("/error", status, status))
                                .toList()));
        PAGES.put("/admin/agents", page(Set.of(Role.ADMIN), "/admin/agents"));
        PAGES.put("/admin/agents/{id}", records(Set.of(Role.ADMIN, Role.OPS), (world, role) -> world.agentUris));
        PAGES.put("/bars", page(Set.of(Role.OPS), "/bars"));
        PAGES.put("/bars/{id}", records(Set.of(Role.OPS), (world, role) -> world.barUris));
        PAGES.put("/risk/alerts", page(STAFF_AND_TENANTS, "/risk/alerts", "/risk/alerts?status=OPEN&olderThanDays=1"));
        PAGES.put("/risk/alerts/{id}", records(STAFF_AND_TENANTS, (world, role) -> world.alertUris));
        PAGES.put("/risk/dashboard", page(Set.of(Role.OPS), "/risk/dashboard"));
        PAGES.put("/risk/flagged", page(Set.of(Role.AGENT, Role.ENTERPRISE_ADMIN), "/risk/flagged"));
        PAGES.put("/risk/appeals", page(STAFF_AND_TENANTS, "/risk/appeals", "/risk/appeals?status=REJECTED"));
        PAGES.put("/risk/appeals/{id}", records(STAFF_AND_TENANTS, (world, role) -> world.appealUris));
        PAGES.put("/admin/risk/rules", page(Set.of(Role.ADMIN), "/admin/risk/rules"));
        PAGES.put("/admin/users", page(Set.of(Role.ADMIN), "/admin/users"));
        PAGES.put("/admin/users/{id}", records(Set.of(Role.ADMIN), (world, role) -> world.userUris));
        PAGES.put("/account/password", page(EVERYONE, "/account/password"));
        PAGES.put("/admin/api-clients", page(Set.of(Role.ADMIN), "/admin/api-clients"));
        // Without a secret in the session's flash it reads "shown once" (ApiClientPagesTest shows a secret on it).
        PAGES.put("/admin/api-clients/issued", page(Set.of(Role.ADMIN), "/admin/api-clients/issued"));
        PAGES.put("/admin/operators", page(Set.of(Role.ADMIN), "/admin/operators"));
        PAGES.put("/admin/service-plans", page(Set.of(Role.ADMIN), "/admin/service-plans"));
        PAGES.put("/admin/real-name-rules", page(Set.of(Role.ADMIN), "/admin/real-name-rules"));
        PAGES.put("/admin/real-name-rules/{id}", records(Set.of(Role.ADMIN), (world, role) -> world.ruleUris));
        PAGES.put("/audit", new Page(EVERYONE, (world, role) -> world.auditVisits()));
        PAGES.put("/audit/verify", page(Set.of(Role.ADMIN), "/audit/verify"));
        PAGES.put(
                "/cards",
                page(
                        STAFF_AND_TENANTS,
                        "/cards",
                        "/cards?state=SUSPENDED",
                        "/cards?state=PENDING_ACTIVATION",
                        "/cards?operator=CHINA_MOBILE&plan=DEMO-DATA",
                        "/cards?q=8986",
                        "/cards?q=12345678&reason=UNVERIFIED",
                        "/cards?enterprise=1&reason=CUSTOMER_REQUEST"));
        PAGES.put("/cards/{id}", records(STAFF_AND_TENANTS, (world, role) -> world.visible(role, world.cardUris)));
        PAGES.put("/inventory/imports", page(Set.of(Role.OPS), "/inventory/imports"));
        PAGES.put("/cards/bulk", page(STAFF_AND_TENANTS, "/cards/bulk"));
        PAGES.put("/cards/bulk/{id}", records(STAFF_AND_TENANTS, (world, role) -> world.bulkUris.get(role)));
        PAGES.put(
                "/cards/bulk/{id}/progress",
                new Page(
                        STAFF_AND_TENANTS,
                        (world, role) -> world.bulkUris.get(role).stream()
                                .map(uri -> new Visit(uri + "/progress", 200, null, true))
                                .toList()));
        PAGES.put("/over-limit-identities", page(Set.of(Role.OPS), "/over-limit-identities"));
        PAGES.put("/usage-uploads", page(Set.of(Role.OPS), "/usage-uploads"));
        PAGES.put("/usage-uploads/{id}", records(Set.of(Role.OPS), (world, role) -> world.usageUploadUris));
        PAGES.put(
                "/usage-uploads/{id}/progress",
                new Page(
                        Set.of(Role.OPS),
                        (world, role) -> world.usageUploadUris.stream()
                                .map(uri -> new Visit(uri + "/progress", 200, null, true))
                                .toList()));
        PAGES.put(
                "/agent-figures",
                page(
                        Set.of(Role.OPS, Role.ADMIN),
                        "/agent-figures",
                        "/agent-figures?sort=REJECTIONS",
                        "/agent-figures?from=2026-02-01&to=2026-01-01"));
        PAGES.put("/inventory/imports/{id}", records(Set.of(Role.OPS), (world, role) -> world.importUris));
        PAGES.put("/exports", page(EVERYONE, "/exports"));
        PAGES.put("/notifications", page(EVERYONE, "/notifications"));
        PAGES.put("/exports/{id}", records(EVERYONE, (world, role) -> world.exportUris.get(role)));
        PAGES.put(
                "/exports/{id}/progress",
                new Page(
                        EVERYONE,
                        (world, role) -> world.exportUris.get(role).stream()
                                .map(uri -> new Visit(uri + "/progress", 200, null, true))
                                .toList()));
        PAGES.put(
                "/inventory/imports/{id}/progress",
                new Page(
                        Set.of(Role.OPS),
                        (world, role) -> world.importUris.stream()
                                .map(uri -> new Visit(uri + "/progress", 200, null, true))
                                .toList()));
        PAGES.put(
                "/enterprises",
                new Page(
                        STAFF_AND_TENANTS,
                        (world, role) -> role == Role.ENTERPRISE_ADMIN
                                // an enterprise admin has one enterprise: the list leads to it
                                ? List.of(new Visit("/enterprises", 302, null))
                                : List.of(Visit.ok("/enterprises"), Visit.ok("/enterprises?status=REJECTED"))));
        PAGES.put("/enterprises/new", page(Set.of(Role.AGENT), "/enterprises/new"));
        PAGES.put("/enterprises/review", page(Set.of(Role.OPS), "/enterprises/review"));
        PAGES.put(
                "/enterprises/{id}",
                records(STAFF_AND_TENANTS, (world, role) -> world.visible(role, world.enterpriseUris)));
        PAGES.put("/enterprises/{id}/edit", records(Set.of(Role.AGENT), (world, role) -> world.editableEnterpriseUris));
        PAGES.put(
                "/enterprise-changes/{id}",
                records(STAFF_AND_TENANTS, (world, role) -> world.visible(role, world.changeUris)));
        PAGES.put("/orders", page(STAFF_AND_TENANTS, "/orders", "/orders?status=REJECTED", "/orders?type=SUSPEND"));
        PAGES.put(
                "/orders/new",
                new Page(
                        Set.of(Role.AGENT),
                        (world, role) -> Stream.concat(
                                        Stream.of(Visit.ok("/orders/new")),
                                        Arrays.stream(OrderType.values())
                                                .map(type -> Visit.ok("/orders/new?type=" + type.name())))
                                .toList()));
        PAGES.put("/orders/{id}", records(STAFF_AND_TENANTS, (world, role) -> world.visible(role, world.orderUris)));
        PAGES.put(
                "/verifications",
                page(
                        STAFF_AND_TENANTS,
                        "/verifications",
                        "/verifications?status=ANY",
                        "/verifications?status=REJECTED&kind=END_USER"));
        PAGES.put(
                "/verifications/{id}",
                records(STAFF_AND_TENANTS, (world, role) -> world.visible(role, world.verificationUris)));
        PAGES.put("/exceptions", page(STAFF_AND_TENANTS, "/exceptions", "/exceptions?status=ANY"));
        PAGES.put(
                "/exceptions/new",
                records(Set.of(Role.AGENT), (world, role) -> List.of("/exceptions/new", world.exceptionFormUri)));
        PAGES.put(
                "/exceptions/{id}",
                records(STAFF_AND_TENANTS, (world, role) -> world.visible(role, world.exceptionUris)));
        PAGES.put(
                "/s/{token}",
                new Page(
                        Set.of(),
                        (world, role) -> List.of(
                                Visit.ok("/s/" + world.selfServiceToken),
                                Visit.ok("/s/" + world.reverificationToken),
                                new Visit("/s/no-such-link-token-at-all", 404, null))));
        PAGES.put(
                "/s/{token}/done",
                new Page(
                        Set.of(),
                        (world, role) -> List.of(new Visit("/s/" + world.selfServiceToken + "/done", 404, null))));
    }

    /** GET mappings that are no page a person reads, and why. */
    static final Map<String, String> NOT_PAGES = new TreeMap<>();

    static {
        NOT_PAGES.put("/documents/{id}", "a stored image or PDF, shown inside the pages that name it");
        NOT_PAGES.put("/inventory/imports/{id}/rejected.csv", "a CSV download of the rejected rows as uploaded");
        NOT_PAGES.put("/exports/{id}/file", "an export's file (CSV or XLSX)");
        NOT_PAGES.put("/cards/bulk/{id}/results.csv", "a CSV download of a bulk action's outcomes");
        NOT_PAGES.put("/v3/api-docs", "the Partner API's OpenAPI description (JSON)");
        NOT_PAGES.put("/v3/api-docs/{group}", "the Partner API's OpenAPI description (JSON)");
        NOT_PAGES.put("/v3/api-docs.yaml", "the Partner API's OpenAPI description (YAML)");
        NOT_PAGES.put("/v3/api-docs.yaml/{group}", "the Partner API's OpenAPI description (YAML)");
        NOT_PAGES.put("/v3/api-docs/swagger-config", "Swagger UI's configuration (JSON)");
        NOT_PAGES.put("/swagger-ui.html", "a redirect to springdoc's Swagger UI of the Partner API");
    }

    // --- the guard ---------------------------------------------------------------------------------------------------

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    /** The patterns of every GET mapping outside the Partner API ({@code /api/}). */
    Set<String> getPatterns() {
        Set<String> patterns = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    patterns.add(pattern);
                }
            }
        }
        return patterns;
    }

    static List<String> gaps(Iterable<String> patterns) {
        List<String> gaps = new ArrayList<>();
        for (String pattern : patterns) {
            if (!PAGES.containsKey(pattern) && !NOT_PAGES.containsKey(pattern)) {
                gaps.add("new page GET " + pattern + " has no fixture in PageTextTest (add it to PAGES, with the"
                        + " roles that may open it and addresses that show real data, or to NOT_PAGES with the"
                        + " reason)");
            }
        }
        return gaps;
    }

    @Test
    void everyGetPageHasAFixtureOrAStatedReason() {
        Set<String> patterns = getPatterns();
        assertThat(patterns).as("the mappings were read").contains("/", "/cards/{id}", "/audit");
        assertThat(gaps(patterns)).isEmpty();
    }

    @Test
    void theGuardFailsForAPageThatNothingCovers() {
        assertThat(gaps(List.of("/cards/{id}", "/documents/{id}"))).isEmpty();
        assertThat(gaps(List.of("/cards/{id}/history")))
                .containsExactly("new page GET /cards/{id}/history has no fixture in PageTextTest (add it to PAGES,"
                        + " with the roles that may open it and addresses that show real data, or to NOT_PAGES with"
                        + " the reason)");
    }

    @Test
    void theRegistryNamesOnlyRealPages() {
        Set<String> patterns = getPatterns();
        assertThat(patterns).as("stale PAGES entries").containsAll(PAGES.keySet());
        assertThat(patterns).as("stale NOT_PAGES entries").containsAll(NOT_PAGES.keySet());
    }

    // --- what program text looks like
    // ---------------------------------------------------------------------------------

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    /** A code standing alone: not part of a longer word or of a hyphenated identifier such as a plan code. */
    static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])" + CODE.pattern() + "(?![A-Za-z0-9_-])");

    static final Pattern OBJECT = Pattern.compile("\\[L[A-Za-z_$][\\w.$]*;|(?<![\\w.])java\\.[a-z]");
    static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    /** The codes that have labels, and the words each language's bundles use themselves. */
    record Codes(Set<String> labelled, Map<Locale, Set<String>> words) {

        Set<String> lookFor(Locale locale) {
            Set<String> codes = new TreeSet<>(labelled);
            codes.removeAll(words.get(locale));
            return codes;
        }
    }

    static Properties bundles(boolean chinese) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path bundle : files.filter(p -> p.getFileName().toString().contains("_zh") == chinese)
                    .toList()) {
                try (Reader reader = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
                    all.load(reader);
                }
            }
        }
        return all;
    }

    /**
     * The constants of the application's enums that have labels (an enum is {@link Labelled}, or one key family of
     * the bundles names all its constants), and every code that ends a bundle key ({@code audit.action.CARD_ACTIVATED}).
     */
    static Codes codes() throws Exception {
        Properties english = bundles(false);
        Set<String> keys = english.stringPropertyNames();
        Set<String> labelled = new TreeSet<>();
        for (String key : keys) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            if (last.length() > 1 && CODE.matcher(last).matches()) {
                labelled.add(last);
            }
        }
        int enums = 0;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        for (Resource resource : resolver.getResources("classpath*:com/realsim/**/*.class")) {
            if (resource.getURL().toString().contains("/test-classes/")) {
                continue;
            }
            Class<?> type = Class.forName(
                    readers.getMetadataReader(resource).getClassMetadata().getClassName(),
                    false,
                    PageTextTest.class.getClassLoader());
            if (type.isEnum() && hasLabels(type, keys)) {
                enums++;
                for (Object constant : type.getEnumConstants()) {
                    labelled.add(((Enum<?>) constant).name());
                }
            }
        }
        assertThat(enums).as("enums with labels found").isGreaterThan(20);
        Map<Locale, Set<String>> words = new HashMap<>();
        words.put(Locale.ENGLISH, tokens(english));
        words.put(Locale.SIMPLIFIED_CHINESE, tokens(bundles(true)));
        return new Codes(labelled, words);
    }

    private static boolean hasLabels(Class<?> type, Set<String> keys) {
        if (Labelled.class.isAssignableFrom(type)) {
            return true;
        }
        Object[] constants = type.getEnumConstants();
        Map<String, Integer> families = new HashMap<>();
        for (Object constant : constants) {
            String name = ((Enum<?>) constant).name();
            for (String key : keys) {
                if (key.endsWith("." + name)) {
                    families.merge(key.substring(0, key.length() - name.length()), 1, Integer::sum);
                }
            }
        }
        return families.values().stream().anyMatch(count -> count == constants.length);
    }

    private static Set<String> tokens(Properties bundle) {
        Set<String> words = new TreeSet<>();
        for (String key : bundle.stringPropertyNames()) {
            Matcher token = TOKEN.matcher(bundle.getProperty(key));
            while (token.find()) {
                words.add(token.group());
            }
        }
        return words;
    }

    /** What a person reads on the page: its text and the attributes read out or shown as text. */
    static String readable(String html) {
        Document page = Jsoup.parse(html);
        page.select("script, style, code, template").remove();
        StringBuilder text = new StringBuilder(page.text());
        for (Element element : page.getAllElements()) {
            for (String attribute : List.of("alt", "title", "placeholder", "aria-label")) {
                if (element.hasAttr(attribute)) {
                    text.append(' ').append(element.attr(attribute));
                }
            }
        }
        return text.toString();
    }

    /** The program text on a page, each with where it stands; empty when the page reads as words. */
    static List<String> programText(String html, Set<String> codes) {
        List<String> found = new ArrayList<>();
        int missing = html.indexOf("??");
        if (missing >= 0) {
            found.add("a missing message: " + around(html, missing));
        }
        Matcher object = OBJECT.matcher(html);
        if (object.find()) {
            found.add("an object printed: " + around(html, object.start()));
        }
        String text = readable(html);
        Matcher instant = INSTANT.matcher(text);
        if (instant.find()) {
            found.add("a raw instant: " + around(text, instant.start()));
        }
        Matcher token = TOKEN.matcher(text);
        Set<String> shown = new LinkedHashSet<>();
        while (token.find()) {
            if (codes.contains(token.group()) && shown.add(token.group())) {
                found.add("the code " + token.group() + " where a label exists: " + around(text, token.start()));
            }
        }
        return found;
    }

    private static String around(String text, int at) {
        return "…"
                + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80))
                        .replaceAll("\\s+", " ") + "…";
    }

    @Test
    void theCheckFindsProgramTextAndOnlyWhereAPersonReadsIt() throws Exception {
        Codes codes = codes();
        Set<String> chinese = codes.lookFor(Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese)
                .as("enum constants and codes of bundle keys")
                .contains("ACTIVE", "NON_DIRECTIONAL", "CARD_IMPORT", "DOCUMENT_STORED", "ENTERPRISE_ADMIN");
        assertThat(programText("<p>状态 ACTIVE</p>", chinese)).hasSize(1);
        assertThat(programText("<p>类型 <span>CARD</span></p>", chinese)).hasSize(1);
        assertThat(programText("<img alt=\"SUSPENDED\" src=\"x\">", chinese)).hasSize(1);
        assertThat(programText("<p>缺少资料：[Ljava.lang.Object;@2c0c67fa</p>", chinese))
                .hasSize(1);
        assertThat(programText("<p>??audit.target.CARD_IMPORT_zh_CN??</p>", chinese))
                .singleElement()
                .asString()
                .startsWith("a missing message");
        assertThat(programText("<td>2026-07-01T10:15:30Z</td>", chinese)).hasSize(1);
        assertThat(programText(
                        "<select><option value=\"ACTIVE\">正常</option></select><p data-state=\"SUSPENDED\">停机</p>"
                                + "<code>TEST_PACKAGE</code><script>var s = 'ACTIVE';</script>"
                                + "<p>ICCID 8986 DEMO-METER DEMO-TEST</p>",
                        chinese))
                .as("values, data attributes, <code> identifiers, scripts and words of the bundles")
                .isEmpty();
    }

    // --- the world ---------------------------------------------------------------------------------------------------

    /**
     * The demo's data (two agents, enterprises, plans, 80 cards, a completed order, work waiting for OPS) and, on top
     * of it through the same use cases, what the demo does not show: a rejected registration, change requests in
     * each state, a responsible person replaced, orders rejected, cancelled and completed of other types, cards
     * suspended for several reasons, in the cancellation cycle, cancelled and in their test period, decided
     * verifications and exceptions, an import with rejected rows, API clients, a disabled and a locked account, an
     * unmasking, a new real-name rule and a changed operator limit.
     */
    static final class World {

        final Map<Role, Actor> actors = new EnumMap<>(Role.class);
        final List<String> cardUris = new ArrayList<>();
        final List<String> enterpriseUris = new ArrayList<>();
        final List<String> editableEnterpriseUris = new ArrayList<>();
        final List<String> changeUris = new ArrayList<>();
        final List<String> orderUris = new ArrayList<>();
        final List<String> verificationUris = new ArrayList<>();
        final List<String> exceptionUris = new ArrayList<>();
        final List<String> importUris = new ArrayList<>();
        final List<String> usageUploadUris = new ArrayList<>();
        final List<String> ruleUris = new ArrayList<>();
        final List<String> agentUris = new ArrayList<>();
        final List<String> userUris = new ArrayList<>();
        final List<String> barUris = new ArrayList<>();
        final List<String> alertUris = new ArrayList<>();
        final List<String> appealUris = new ArrayList<>();
        final Map<Role, List<String>> exportUris = new EnumMap<>(Role.class);
        final Map<Role, List<String>> bulkUris = new EnumMap<>(Role.class);
        final List<String> actions = new ArrayList<>();
        String exceptionFormUri;
        String selfServiceToken;
        String reverificationToken;

        private final MockMvc mvc;
        private final CardService cards;
        private final OrderService orders;
        private final EnterpriseService enterprises;
        private final VerificationService verifications;
        private final ExceptionService exceptions;
        private final CardImportService imports;

        World(ApplicationContext context, MockMvc mvc) throws Exception {
            this.mvc = mvc;
            AccountService accounts = context.getBean(AccountService.class);
            cards = context.getBean(CardService.class);
            orders = context.getBean(OrderService.class);
            enterprises = context.getBean(EnterpriseService.class);
            verifications = context.getBean(VerificationService.class);
            exceptions = context.getBean(ExceptionService.class);
            imports = context.getBean(CardImportService.class);
            Map<String, Actor> demo = new HashMap<>();
            for (UserSummary user : accounts.users()) {
                userUris.add("/admin/users/" + user.id());
                demo.put(
                        user.username(),
                        new Actor(
                                Actor.Kind.USER,
                                user.id(),
                                user.username(),
                                user.role(),
                                user.agentId(),
                                user.enterpriseId()));
            }
            Actor admin = demo.get("demo-admin");
            Actor ops = demo.get("demo-ops");
            Actor ops2 = demo.get("demo-ops2");
            Actor agent = demo.get("demo-agent");
            Actor enterpriseAdmin = demo.get("demo-enterprise");
            assertThat(List.of(admin, ops, ops2, agent, enterpriseAdmin))
                    .as("the demo's accounts")
                    .doesNotContainNull();
            actors.put(Role.ADMIN, admin);
            actors.put(Role.OPS, ops);
            actors.put(Role.AGENT, agent);
            actors.put(Role.ENTERPRISE_ADMIN, enterpriseAdmin);
            long logistics = enterpriseAdmin.enterpriseId();

            // Enterprises: a rejected registration (an introduction letter carries no code), a change under review,
            // decided changes and a replaced responsible person of the enterprise whose admin reads the pages.
            EnterpriseView letter = as(
                    agent,
                    () -> enterprises.register(new EnterpriseInput(
                            "莆田渔业专业合作社",
                            CertificateType.INTRODUCTION_LETTER,
                            null,
                            "福建省莆田市秀屿区东峤镇",
                            "郑海生",
                            person("郑海生", "120101200709209190"))));
            as(agent, () -> {
                enterprises.attach(letter.id(), EnterpriseDocumentKind.INTRODUCTION_LETTER, TestFiles.jpeg());
                enterprises.attach(letter.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
                enterprises.attach(letter.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.png());
                return enterprises.submit(letter.id());
            });
            as(ops, () -> enterprises.reject(letter.id(), "介绍信未加盖公章"));
            EnterpriseView meters =
                    as(agent, () -> enterprises.list(EnterpriseStatus.VERIFIED, null, null, 50)).items().stream()
                            .filter(e -> e.id() != logistics)
                            .findFirst()
                            .orElseThrow();
            ChangeRequestView pending = as(
                    agent,
                    () -> enterprises.requestDetailsChange(
                            meters.id(), meters.name(), "福建省厦门市思明区湖滨南路 88 号", "林晓燕", "公司迁址"));
            ChangeRequestView moved = as(
                    agent,
                    () -> enterprises.requestDetailsChange(
                            logistics, "福州云链物流科技有限公司", "福建省福州市鼓楼区五四路 120 号", "陈建国", "公司迁址"));
            as(ops, () -> enterprises.approveChange(moved.id()));
            ChangeRequestView renamed = as(
                    agent,
                    () -> enterprises.requestDetailsChange(
                            logistics, "福州云链物流集团有限公司", "福建省福州市鼓楼区五四路 120 号", "陈建国", "更名"));
            as(ops, () -> enterprises.rejectChange(renamed.id(), "缺少工商变更登记证明"));
            ChangeRequestView newPerson = as(
                    agent,
                    () -> enterprises.requestResponsiblePersonChange(
                            logistics, person("陈建国", "420106199810051639"), "责任人变更"));
            as(agent, () -> {
                enterprises.attachToChange(
                        newPerson.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
                return enterprises.attachToChange(
                        newPerson.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.png());
            });
            as(ops, () -> enterprises.approveChange(newPerson.id()));
            for (ChangeRequestView change : List.of(pending, moved, renamed, newPerson)) {
                changeUris.add("/enterprise-changes/" + change.id());
            }
            for (EnterpriseView enterprise :
                    as(ops, () -> enterprises.list(null, null, null, 50)).items()) {
                enterpriseUris.add("/enterprises/" + enterprise.id());
                if (enterprise.agentId() == agent.agentId()
                        && enterprise.status().editable()) {
                    editableEnterpriseUris.add("/enterprises/" + enterprise.id() + "/edit");
                }
            }

            // Cards of the enterprise: several reasons to be stopped, a resumed one, the cancellation cycle,
            // cancelled, in the test period.
            List<String> active = iccids(ops, CardState.ACTIVE, "DEMO-METER");
            String stopped = active.get(0);
            as(agent, () -> cards.suspend(stopped, "客户申请：设备返修"));
            as(ops, () -> cards.suspend(stopped, "运维核查"));
            CardStates states = new CardStates(context);
            states.block(stopped, BlockingReason.ARREARS, "欠费");
            states.block(stopped, BlockingReason.MACHINE_CARD_SEPARATION, null);
            String resumed = active.get(1);
            as(ops, () -> cards.suspend(resumed, "临时停机检查"));
            as(ops, () -> cards.resume(resumed, "检查完毕"));
            String cycle = active.get(2);
            states.preCancel(cycle);
            String cancelled = active.get(4);
            as(agent, () -> cards.cancel(cancelled, "设备报废"));
            List<String> testCards =
                    iccids(ops, CardState.INVENTORY, "DEMO-TEST").subList(0, 2);
            as(
                    ops,
                    () -> context.getBean(CardsForOrders.class)
                            .handOver(testCards, agent.agentId(), logistics, 0L, ops));

            // Orders: a completed suspension, a cancellation order, an order the agent withdrew, an order whose
            // card was cancelled meanwhile (rejected by the card module), and a comparison OPS rejected.
            OrderView suspension = completedWithDocuments(agent, OrderType.SUSPEND, logistics, List.of(active.get(5)));
            OrderView cancellation = completedWithDocuments(agent, OrderType.CANCEL, logistics, List.of(active.get(6)));
            OrderView withdrawn = as(agent, () -> orders.create(order(OrderType.RESUME, logistics, List.of(stopped))));
            as(agent, () -> orders.cancel(withdrawn.id()));
            String gone = active.get(7);
            OrderView overtaken = as(agent, () -> orders.create(order(OrderType.SUSPEND, logistics, List.of(gone))));
            as(ops, () -> cards.cancel(gone, "运营商回收号码"));
            attachDocuments(agent, overtaken);
            OrderView compared = as(
                    agent,
                    () -> orders.create(new OrderInput(
                            OrderType.NEW_INSTALL,
                            logistics,
                            iccids(ops, CardState.INVENTORY, "DEMO-METER").subList(0, 2),
                            handler(),
                            new OrderInput.DeviceInput("智能水表", "WM-200", "智慧水务", 30),
                            null,
                            null,
                            null)));
            attachDocuments(agent, compared);
            OrderView photographed = as(
                    agent,
                    () -> orders.attachHandlerPhoto(compared.id(), TestFiles.jpeg())
                            .order());
            as(ops2, () -> verifications.reject(photographed.verificationCaseId(), "现场照片与证件照不是同一人"));
            for (OrderView order : List.of(suspension, cancellation, withdrawn, overtaken, compared)) {
                awaitClosed(agent, order.id());
            }

            // End users: one rejected after review, a self-service link for another card; exceptions decided.
            List<String> data = iccids(ops, null, "DEMO-DATA");
            for (String iccid : data) {
                CardView card = as(ops, () -> cards.view(iccid));
                if (card.endUser() != null
                        && card.endUser().underReview()
                        && card.endUser().verificationCaseId() != null) {
                    as(ops2, () -> verifications.reject(card.endUser().verificationCaseId(), "证件照片模糊，无法辨认"));
                    break;
                }
            }
            List<String> waiting = iccids(ops, CardState.PENDING_ACTIVATION, "DEMO-DATA");
            List<String> withoutEndUser = waiting.stream()
                    .filter(iccid -> as(ops, () -> cards.view(iccid)).endUser() == null)
                    .toList();
            String granted = withoutEndUser.get(0);
            String refused = withoutEndUser.get(1);
            String linked = withoutEndUser.get(2);
            ExceptionView approved = as(agent, () -> {
                ExceptionView request = exceptions.request(granted, ExceptionKind.PROVINCIAL_APPROVAL, "车队终端由企业统一管理");
                exceptions.attachDocument(request.id(), TestFiles.jpeg());
                return request;
            });
            as(ops, () -> exceptions.approve(approved.id(), "省公司批复已核对"));
            ExceptionView rejected =
                    as(agent, () -> exceptions.request(refused, ExceptionKind.PROVINCIAL_APPROVAL, "设备由企业统一管理"));
            as(ops, () -> exceptions.reject(rejected.id(), "未附省公司批复"));
            String url = as(agent, () -> context.getBean(EndUserService.class).selfServiceLink(linked))
                    .url();
            selfServiceToken = url.substring(url.indexOf("/s/") + 3);
            exceptionFormUri = "/exceptions/new?iccid=" + withoutEndUser.get(3);

            // Inventory: an import with rejected rows.
            String csv = "iccid,msisdn,imsi,operator,planCode\n"
                    + "89860026140000000013,1440310000001,460005100000001,CHINA_MOBILE,DEMO-DATA\n"
                    + "89860026140000000022,1440310000002,460005100000002,CHINA_MOBILE,DEMO-DATA\n"
                    + "89860026140000000039,1440310000003,460005100000003,CHINA_SATELLITE,DEMO-DATA\n"
                    + "89860026140000000047,1440310000004,460005100000004,CHINA_MOBILE,NO-SUCH-PLAN\n";
            as(
                    ops,
                    () -> imports.importNow(
                            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "补充库存.csv", ops));
            as(ops, () -> imports.recent(20)).forEach(job -> importUris.add("/inventory/imports/" + job.id()));

            // Usage from the operator's feed: an upload with a good and a rejected line.
            String usage = "iccid,date,dataKb,smsCount,voiceSeconds,imei,nonDirectionalKb\n"
                    + "89860026140000000013,2026-01-05,1024,0,0,,0\n"
                    + "89860026140000000099,2026-01-05,-1,0,0,,0\n";
            UsageUploadService usageUploads = context.getBean(UsageUploadService.class);
            long usageUpload = as(
                    ops,
                    () -> usageUploads.start(
                            new ByteArrayInputStream(usage.getBytes(StandardCharsets.UTF_8)),
                            "用量.csv",
                            usage.length(),
                            ops));
            usageUploadUris.add("/usage-uploads/" + usageUpload);

            // Administration: API clients, accounts, a rule, an operator limit; an unmasking.
            ApiClientService clients = context.getBean(ApiClientService.class);
            IssuedCredentials partner = as(
                    admin,
                    () -> clients.create(
                            new NewApiClient("south-agent-system", Role.AGENT, agent.agentId(), null), admin));
            as(admin, () -> clients.rotate(partner.id(), admin));
            IssuedCredentials automation =
                    as(admin, () -> clients.create(new NewApiClient("ops-automation", Role.OPS, null, null), admin));
            as(admin, () -> {
                clients.disable(automation.id(), admin);
                return null;
            });
            UserSummary leaver = as(
                    admin,
                    () -> accounts.createUser(
                            new NewUser("page-text-leaver", "Leaver-pass-2026", Role.AGENT, agent.agentId(), null)));
            as(admin, () -> {
                accounts.disableUser(leaver.id(), admin.id());
                return null;
            });
            UserSummary forgetful = as(
                    admin,
                    () -> accounts.createUser(
                            new NewUser("page-text-forgetful", "Forgetful-pass-2026", Role.OPS, null, null)));
            for (int i = 0; i < 6; i++) {
                mvc.perform(formLogin("/login").user(forgetful.username()).password("wrong-password-" + i));
            }
            RealNamePolicy policy = context.getBean(RealNamePolicy.class);
            RealNameRuleView rule = as(
                    admin,
                    () -> policy.create(
                            new RealNameRuleDefinition(
                                    900,
                                    "PAGE_TEXT_1064",
                                    "1064",
                                    null,
                                    false,
                                    null,
                                    true,
                                    com.realsim.catalogue.ExceptionKind.PROVINCIAL_APPROVAL),
                            admin));
            as(
                    admin,
                    () -> policy.change(
                            rule.id(),
                            new RealNameRuleDefinition(
                                    905,
                                    "PAGE_TEXT_1064",
                                    "1064",
                                    null,
                                    null,
                                    com.realsim.catalogue.ServiceDirection.DIRECTIONAL,
                                    true,
                                    com.realsim.catalogue.ExceptionKind.GROUP_APPROVAL),
                            admin));
            for (RealNameRuleView each : as(admin, policy::rules)) {
                if (each.rule().code().equals("NON_DIRECTIONAL_DATA") || each.id() == rule.id()) {
                    ruleUris.add("/admin/real-name-rules/" + each.id());
                }
            }
            as(admin, () -> context.getBean(OperatorService.class).setQuota(Operator.CHINA_UNICOM, 6, admin));
            // An agent with a qualification history, and bars (one lifted) for OPS's pages (issue 14).
            com.realsim.account.AgentSummary suspended = com.realsim.testsupport.SuspendableAgents.create(
                    context, "页面文字渠道", com.realsim.testsupport.FreshNumbers.uscc());
            as(admin, () -> accounts.suspendAgent(suspended.id(), "页面文字检查"));
            agentUris.add("/admin/agents/" + suspended.id());
            accounts.agents().stream().limit(1).forEach(each -> agentUris.add("/admin/agents/" + each.id()));
            var barred = context.getBean(com.realsim.identity.BarredIdentities.class);
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            var bar = as(
                    ops,
                    () -> barred.record(new com.realsim.identity.NewBar(
                            com.realsim.identity.BarSubject.PERSON,
                            com.realsim.identity.IdType.RESIDENT_ID,
                            com.realsim.testsupport.FreshNumbers.residentIdNumber(),
                            null,
                            "闽公通〔2026〕99号",
                            today,
                            today.plusYears(2),
                            "页面文字检查")));
            var enterpriseBar = as(
                    ops,
                    () -> barred.record(new com.realsim.identity.NewBar(
                            com.realsim.identity.BarSubject.ENTERPRISE,
                            null,
                            null,
                            com.realsim.testsupport.FreshNumbers.uscc(),
                            "闽公通〔2026〕98号",
                            today,
                            today.plusYears(3),
                            "页面文字检查")));
            as(ActorAuthentication.actor(Role.OPS, null, null), () -> barred.lift(enterpriseBar.id(), "申诉成立"));
            barUris.add("/bars/" + bar.id());
            barUris.add("/bars/" + enterpriseBar.id());

            // A risk alert on a card of the demo enterprise: SMS on a plan without SMS, found by a scan (issue 13).
            List<String> enterpriseCards = as(
                            enterpriseAdmin,
                            () -> cards.find(
                                    CardQuery.page(null, CardState.ACTIVE, null, "DEMO-METER", null, null, 100)))
                    .items()
                    .stream()
                    .map(CardSummary::iccid)
                    .toList();
            String flagged = enterpriseCards.get(enterpriseCards.size() / 2);
            as(
                    ops,
                    () -> context.getBean(com.realsim.card.CardUsageService.class)
                            .ingest(List.of(new com.realsim.card.CardUsageService.Report(
                                    flagged,
                                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                            .toString(),
                                    10L,
                                    2L,
                                    0L,
                                    null,
                                    null))));
            // A meter card seen in another device (machine-card separation), contested twice: rejected, then open.
            String separated = enterpriseCards.get(0);
            java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            for (String[] seen : List.of(
                    new String[] {day.minusDays(1).toString(), "356938035643809"},
                    new String[] {day.toString(), "490154203237518"})) {
                as(
                        ops,
                        () -> context.getBean(com.realsim.card.CardUsageService.class)
                                .ingest(List.of(new com.realsim.card.CardUsageService.Report(
                                        separated, seen[0], 1L, 0L, 0L, seen[1], null))));
            }
            var appeals = context.getBean(com.realsim.risk.appeals.RiskAppeals.class);
            long rejectedAppeal = as(
                            enterpriseAdmin,
                            () -> appeals.file(
                                    separated, com.realsim.card.BlockingReason.MACHINE_CARD_SEPARATION, "设备送修，已换主板"))
                    .id();
            as(ops, () -> appeals.reject(rejectedAppeal, "使用记录显示为手机终端"));
            long openAppeal = as(
                            agent,
                            () -> appeals.file(
                                    separated, com.realsim.card.BlockingReason.MACHINE_CARD_SEPARATION, "补充维修发票"))
                    .id();
            appealUris.add("/risk/appeals/" + rejectedAppeal);
            appealUris.add("/risk/appeals/" + openAppeal);
            var scans = context.getBean(com.realsim.risk.RiskScans.class);
            long scan = as(ops, () -> scans.start()).id();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(120))
                    .until(() ->
                            as(ops, () -> scans.scan(scan)).status() != com.realsim.risk.ScanView.ScanStatus.RUNNING);
            as(
                            enterpriseAdmin,
                            () -> context.getBean(com.realsim.risk.RiskAlerts.class)
                                    .list(com.realsim.risk.AlertFilter.none(), null, 2))
                    .forEach(alert -> alertUris.add("/risk/alerts/" + alert.id()));
            // OPS require its re-verification (issue 13): a case waiting for the responsible person's live photo and
            // the fraud-risk notice, and its one-time link for the phone, issued by the enterprise admin
            long reverified = as(
                            ops,
                            () -> context.getBean(com.realsim.risk.RiskReverifications.class)
                                    .require(
                                            Long.parseLong(alertUris.get(0).substring("/risk/alerts/".length())),
                                            "异常短信使用，需责任人重新核验"))
                    .id();
            long reverificationCase = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT reverification_case_id FROM risk_alert_card WHERE alert_id = ?"
                            + " AND reverification_case_id IS NOT NULL LIMIT 1")
                    .param(reverified)
                    .query(Long.class)
                    .single();
            String reverificationUrl = as(
                            enterpriseAdmin,
                            () -> context.getBean(com.realsim.verification.Reverifications.class)
                                    .link(reverificationCase))
                    .url();
            reverificationToken = reverificationUrl.substring(reverificationUrl.indexOf("/s/") + 3);
            // An export of each role's own (the operator report's full version for OPS), written to the end.
            var exports = context.getBean(com.realsim.export.Exports.class);
            for (Map.Entry<Role, Actor> maker : actors.entrySet()) {
                com.realsim.export.ExportKind kind = maker.getKey() == Role.OPS
                        ? com.realsim.export.ExportKind.OPERATOR_REPORT
                        : maker.getKey() == Role.ADMIN
                                ? com.realsim.export.ExportKind.AUDIT
                                : com.realsim.export.ExportKind.CARDS;
                Map<String, String> filter = maker.getKey() == Role.OPS
                        ? Map.of("operator", "CHINA_MOBILE", "from", "2026-01-01", "to", "2026-12-31")
                        : Map.of();
                long id = as(
                                maker.getValue(),
                                () -> exports.create(
                                        kind,
                                        com.realsim.export.ExportFormat.XLSX,
                                        filter,
                                        maker.getKey() == Role.OPS,
                                        maker.getKey() == Role.OPS ? "运营商季度报送" : null))
                        .id();
                org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(60))
                        .until(() -> as(maker.getValue(), () -> exports.export(id))
                                .status()
                                .isFinished());
                exportUris.put(maker.getKey(), List.of("/exports/" + id));
            }
            // A bulk action of each tenant role with a mixed outcome (done, already active, not found, a bad line).
            var bulks = context.getBean(com.realsim.card.bulk.CardBulkActions.class);
            for (Role role : STAFF_AND_TENANTS) {
                long id = as(
                                actors.get(role),
                                () -> bulks.start(
                                        com.realsim.card.bulk.BulkAction.ACTIVATE,
                                        null,
                                        com.realsim.card.bulk.BulkLines.of(
                                                List.of(active.get(0), "89860000000000000000", "bad line"), "iccid")))
                        .id();
                org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(60))
                        .until(() -> as(actors.get(role), () -> bulks.find(id)).ended());
                bulkUris.put(role, List.of("/cards/bulk/" + id));
            }
            as(
                    ops,
                    () -> context.getBean(UnmaskService.class)
                            .unmask("ENTERPRISE", logistics, "responsiblePerson.idNumber", "核对责任人证件号码"));

            // An identity over its operator's limit (two cards, the limit then lowered to one), for OPS's list.
            EndUserService endUserService = context.getBean(EndUserService.class);
            for (String iccid : active.subList(active.size() - 2, active.size())) {
                as(
                        agent,
                        () -> endUserService.bind(
                                iccid,
                                com.realsim.card.EndUserDetails.of(
                                        "何志强",
                                        com.realsim.identity.IdType.RESIDENT_ID,
                                        "420106199810051639",
                                        "湖北省武汉市江岸区解放大道 1 号",
                                        java.time.LocalDate.of(2026, 12, 1))));
            }
            Operator crowded = Operator.valueOf(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT operator FROM identity_quota WHERE cards_held >= 2 ORDER BY operator LIMIT 1")
                    .query(String.class)
                    .single());
            as(admin, () -> context.getBean(OperatorService.class).setQuota(crowded, 1, admin));

            // Every record the pages open, and the audit trail of all of it.
            for (String iccid : iccids(ops, null, null)) {
                cardUris.add("/cards/" + as(ops, () -> cards.view(iccid)).id());
            }
            for (OrderView order :
                    as(ops, () -> orders.list(null, null, null, null, 100)).items()) {
                orderUris.add("/orders/" + order.id());
            }
            as(ops, () -> verifications.list(null, null, null, null, 100))
                    .items()
                    .forEach(kase -> verificationUris.add("/verifications/" + kase.id()));
            as(ops, () -> exceptions.list(new com.realsim.approval.ExceptionFilter(null, null, null, false), null, 100))
                    .items()
                    .forEach(request -> exceptionUris.add("/exceptions/" + request.id()));
            AuditTrail trail = context.getBean(AuditTrail.class);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> trail.actions()
                            .containsAll(List.of(
                                    "PERSONAL_DATA_UNMASKED",
                                    "USER_LOCKED_OUT",
                                    "OPERATOR_QUOTA_CHANGED",
                                    "REAL_NAME_RULE_CHANGED",
                                    "ORDER_REJECTED",
                                    "EXCEPTION_REJECTED")));
            actions.addAll(trail.actions());
        }

        /** The audit page: unfiltered, by target type, and once per action the trail has recorded (ADMIN sees all). */
        List<Visit> auditVisits() {
            List<Visit> visits = new ArrayList<>();
            visits.add(Visit.ok("/audit"));
            for (String type : com.realsim.audit.AuditQuery.TARGET_TYPES) {
                visits.add(Visit.ok("/audit?targetType=" + type));
            }
            for (String action : actions) {
                visits.add(Visit.ok("/audit?action=" + action));
            }
            return visits;
        }

        /** The addresses this role may open: every one for OPS, their own tenant's for the others. */
        List<String> visible(Role role, List<String> uris) {
            List<String> visible = new ArrayList<>();
            for (String uri : uris) {
                if (role == Role.OPS || opens(actors.get(role), uri)) {
                    visible.add(uri);
                }
            }
            return visible;
        }

        private boolean opens(Actor actor, String uri) {
            String[] parts = uri.split("/");
            long id = Long.parseLong(parts[2]);
            Supplier<Object> read = switch (parts[1]) {
                case "cards" -> () -> cards.view(id);
                case "orders" -> () -> orders.get(id);
                case "enterprises" -> () -> enterprises.get(id);
                case "enterprise-changes" -> () -> enterprises.changeRequest(id);
                case "verifications" -> () -> verifications.get(id);
                case "exceptions" -> () -> exceptions.get(id);
                default -> throw new IllegalArgumentException(uri);
            };
            try {
                RunAs.run(actor, read);
                return true;
            } catch (DomainException notTheirs) {
                return false;
            }
        }

        private List<String> iccids(Actor ops, CardState state, String plan) {
            return as(ops, () -> cards.find(CardQuery.page(null, state, null, plan, null, null, 100))).items().stream()
                    .map(CardSummary::iccid)
                    .toList();
        }

        private OrderView completedWithDocuments(Actor agent, OrderType type, long enterpriseId, List<String> iccids) {
            OrderView order = as(agent, () -> orders.create(order(type, enterpriseId, iccids)));
            attachDocuments(agent, order);
            return order;
        }

        private void attachDocuments(Actor agent, OrderView order) {
            as(agent, () -> {
                for (OrderDocumentKind kind : order.type().uploadableDocuments()) {
                    orders.attach(order.id(), kind, TestFiles.jpeg());
                }
                return null;
            });
        }

        private void awaitClosed(Actor reader, long orderId) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> !as(reader, () -> orders.get(orderId)).open());
        }

        static OrderInput order(OrderType type, long enterpriseId, List<String> iccids) {
            return new OrderInput(type, enterpriseId, iccids, handler(), null, null, null, null);
        }

        static OrderInput.HandlerInput handler() {
            return new OrderInput.HandlerInput(
                    "李建华",
                    IdType.RESIDENT_ID,
                    "420106199810051639",
                    "湖北省武汉市江岸区解放大道 1 号",
                    LocalDate.now().plusMonths(6));
        }

        static EnterpriseInput.PersonInput person(String name, String idNumber) {
            return new EnterpriseInput.PersonInput(
                    name, IdType.RESIDENT_ID, idNumber, "福建省福州市鼓楼区温泉街道", true, null, null);
        }

        static <T> T as(Actor actor, Supplier<T> work) {
            return RunAs.run(actor, work);
        }
    }

    // --- the pages
    // -----------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyPageOfEveryRoleReadsAsWords() throws Exception {
        Codes codes = codes();
        World world = new World(context, mvc);
        List<DynamicTest> tests = new ArrayList<>();
        for (String pattern : getPatterns()) {
            if (NOT_PAGES.containsKey(pattern)) {
                continue;
            }
            Page page = PAGES.get(pattern);
            if (page == null) {
                tests.add(DynamicTest.dynamicTest("GET " + pattern, () -> {
                    throw new AssertionError(gaps(List.of(pattern)).get(0));
                }));
                continue;
            }
            List<Role> readers = page.anonymous() ? Collections.singletonList(null) : List.copyOf(page.roles());
            Visit sample = null;
            for (Role role : readers) {
                List<Visit> visits = page.visits().apply(world, role);
                assertThat(visits).as("visits of " + pattern + " for " + role).isNotEmpty();
                sample = sample == null ? visits.get(0) : sample;
                for (Visit visit : visits) {
                    for (Locale language : LANGUAGES) {
                        Actor actor = role == null ? null : world.actors.get(role);
                        Set<String> lookFor = codes.lookFor(language);
                        tests.add(DynamicTest.dynamicTest(
                                "GET " + visit.uri() + " as " + (role == null ? "nobody signed in" : role) + " ("
                                        + language.toLanguageTag() + ")",
                                () -> readsAsWords(visit, actor, language, lookFor)));
                    }
                }
            }
            if (!page.anonymous() && !pattern.equals("/error")) {
                Visit refusedVisit = sample;
                for (Role role : Role.values()) {
                    if (!page.roles().contains(role)) {
                        Actor actor = world.actors.get(role);
                        tests.add(DynamicTest.dynamicTest(
                                "GET " + refusedVisit.uri() + " as " + role + " → 403",
                                () -> assertThat(get(refusedVisit, actor, Locale.ENGLISH)
                                                .getStatus())
                                        .as(
                                                "GET %s as %s, a role the page's fixture does not list",
                                                refusedVisit.uri(), role)
                                        .isEqualTo(403)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private MockHttpServletResponse get(Visit visit, Actor actor, Locale language) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(visit.uri())
                .accept(MediaType.TEXT_HTML)
                .header("Accept-Language", language.toLanguageTag());
        if (actor != null) {
            request.with(ActorAuthentication.as(actor));
        }
        if (visit.errorStatus() != null) {
            request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, visit.errorStatus())
                    .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/cards/0");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** With {@code -Drealsim.page-text.keep=true}, every rendered page is kept under target/page-text for reading. */
    private static void keep(Visit visit, Actor actor, Locale language, String html) throws IOException {
        String name = (actor == null ? "ANONYMOUS" : actor.role().name()) + "_" + language.toLanguageTag() + "_"
                + visit.uri().replaceAll("[^A-Za-z0-9]+", "_") + ".html";
        Path file = Path.of("target/page-text", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, html);
    }

    private void readsAsWords(Visit visit, Actor actor, Locale language, Set<String> codes) throws Exception {
        MockHttpServletResponse response = get(visit, actor, language);
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("realsim.page-text.keep")) {
            keep(visit, actor, language, html);
        }
        assertThat(response.getStatus())
                .as("GET %s answered %s %s", visit.uri(), response.getStatus(), around(html, 0))
                .isEqualTo(visit.status());
        if (visit.status() / 100 == 3) {
            assertThat(response.getRedirectedUrl())
                    .as("GET %s leads on", visit.uri())
                    .isNotBlank();
            return;
        }
        assertThat(response.getContentType()).as("GET %s", visit.uri()).startsWith(MediaType.TEXT_HTML_VALUE);
        if (visit.fragment()) {
            assertThat(html).as("GET %s rendered a fragment", visit.uri()).contains("<div");
        } else {
            assertThat(html)
                    .as("GET %s rendered HTML", visit.uri())
                    .containsIgnoringCase("<html")
                    .contains("</html>");
        }
        assertThat(programText(html, codes))
                .as("program text on %s (%s)", visit.uri(), language.toLanguageTag())
                .isEmpty();
    }
}
