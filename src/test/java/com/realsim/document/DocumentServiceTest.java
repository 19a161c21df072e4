package com.realsim.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.Actor;
import com.realsim.platform.ActorPrincipal;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.ActorAuthentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/** Storing and opening documents against PostgreSQL and the file-system store, as each role and tenant. */
@SpringBootTest(properties = "realsim.documents.store=filesystem")
@AutoConfigureMockMvc
@RecordApplicationEvents
class DocumentServiceTest {

    static final AtomicLong owners = new AtomicLong(5_000);

    @Autowired
    DocumentService documents;

    @Autowired
    DocumentStore store;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    final long owner = owners.incrementAndGet();
    final Actor agent = actor(Role.AGENT, 11L, null);
    final Actor otherAgent = actor(Role.AGENT, 12L, null);
    final Actor enterpriseAdmin = actor(Role.ENTERPRISE_ADMIN, null, 21L);
    final Actor otherEnterpriseAdmin = actor(Role.ENTERPRISE_ADMIN, null, 22L);
    final Actor ops = actor(Role.OPS, null, null);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void jpegPngAndPdfAreStoredAndOpenExactlyAsUploaded() {
        for (byte[] content :
                new byte[][] {SampleFiles.jpeg(64, 48), SampleFiles.png(30, 20), SampleFiles.pdf("letter")}) {
            DocumentSummary stored = as(agent, () -> documents.store(certificate(content)));
            DocumentContent opened = as(agent, () -> documents.open(stored.id()));
            assertThat(opened.content()).isEqualTo(content);
            assertThat(opened.contentType()).isEqualTo(stored.contentType());
            assertThat(stored.sizeBytes()).isEqualTo(content.length);
        }
        assertThat(events.stream(DocumentStored.class)).hasSize(3).allSatisfy(event -> {
            assertThat(event.ownerType()).isEqualTo("ENTERPRISE");
            assertThat(event.agentId()).isEqualTo(11L);
            assertThat(event.actor()).isEqualTo(agent.name());
            assertThat(event.auditFacts().targetType()).isEqualTo("DOCUMENT");
        });
    }

    @Test
    void theTypeComesFromTheContentNeverFromWhatTheUploaderSays() {
        // A "photo.jpg" that is really a PDF is stored and served as a PDF; one that is a program is refused.
        DocumentSummary pdfCalledJpg = as(agent, () -> documents.store(certificate(SampleFiles.pdf("scan"))));
        assertThat(pdfCalledJpg.contentType()).isEqualTo(DocumentContentType.PDF);

        assertRefused(
                () -> documents.store(certificate(SampleFiles.exe())),
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "document.type.unsupported");
        assertThat(text("document.type.unsupported")).contains("JPEG, PNG and PDF");
    }

    @Test
    void aFileAboveTheSizeLimitIsTooLarge() {
        byte[] eleven = Arrays.copyOf(SampleFiles.pdf("big"), 10 * 1024 * 1024 + 1);
        assertRefused(() -> documents.store(certificate(eleven)), ErrorCode.PAYLOAD_TOO_LARGE, "document.tooLarge");
        byte[] ten = Arrays.copyOf(SampleFiles.pdf("big"), 10 * 1024 * 1024);
        assertThat(as(agent, () -> documents.store(certificate(ten))).sizeBytes())
                .isEqualTo(ten.length);
    }

    @Test
    void aTinyPngClaimingHundredThousandPixelsASideIsRefusedWithAClearMessage() {
        byte[] flood = SampleFiles.pngClaiming(100_000, 100_000);
        assertThat(flood.length).isLessThan(100);
        DomainException refusal = assertRefused(
                () -> documents.store(certificate(flood)), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "document.image.tooLarge");
        assertThat(messages.getMessage(refusal.messageKey(), refusal.messageArguments(), Locale.ENGLISH))
                .isEqualTo("This image has 100000 × 100000 pixels; images may have at most 10000 pixels on a side"
                        + " and 40 megapixels in all.");
        assertRefused(
                () -> documents.store(certificate(SampleFiles.jpegClaiming(10_001, 10))),
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "document.image.tooLarge");
        assertRefused(
                () -> documents.store(certificate(SampleFiles.jpegClaiming(8_000, 8_000))),
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "document.image.tooLarge");
        assertThat(as(agent, () -> documents.store(certificate(SampleFiles.jpegClaiming(10_000, 4_000))))
                        .contentType())
                .isEqualTo(DocumentContentType.JPEG);
    }

    @Test
    void theFileOnDiskIsEncryptedAndNamedByTheServer() throws IOException {
        byte[] content = SampleFiles.pdf("CONFIDENTIAL-MARKER-4711 身份证 110105199809181031");
        DocumentSummary stored = as(agent, () -> documents.store(certificate(content)));
        String key =
                jdbc.queryForObject("SELECT storage_key FROM stored_document WHERE id = ?", String.class, stored.id());

        Path file = directory().resolve(key.substring(0, 2)).resolve(key);
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(file).exists();
        byte[] onDisk = Files.readAllBytes(file);
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
                .doesNotContain("CONFIDENTIAL-MARKER-4711")
                .doesNotContain("110105199809181031")
                .doesNotContain("%PDF");
        assertThat(onDisk).isNotEqualTo(content);
        try (Stream<Path> files = Files.walk(directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aFailedTransactionLeavesNeitherFileNorRow() throws IOException {
        long before = fileCount();
        transactions.executeWithoutResult(status -> {
            as(agent, () -> documents.store(certificate(SampleFiles.png(4, 4))));
            status.setRollbackOnly();
        });
        assertThat(fileCount()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stored_document WHERE owner_id = ?", Long.class, owner))
                .isZero();
    }

    @Test
    void anotherTenantsDocumentIsNotFound() {
        DocumentSummary stored = as(agent, () -> documents.store(certificate(SampleFiles.png(3, 3))));

        assertThat(as(enterpriseAdmin, () -> documents.open(stored.id())).content())
                .isNotEmpty();
        assertThat(as(ops, () -> documents.open(stored.id())).content()).isNotEmpty();
        for (Actor stranger : List.of(otherAgent, otherEnterpriseAdmin)) {
            assertThatThrownBy(() -> as(stranger, () -> documents.open(stored.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThat(as(stranger, () -> documents.list("ENTERPRISE", owner))).isEmpty();
        }
        assertThatThrownBy(() -> as(agent, () -> documents.open(Long.MAX_VALUE)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRoleThatMayNotReadADocumentGetsTheSameNotFound() {
        NewDocument opsOnly = new NewDocument(
                "EXCEPTION", owner, "APPROVAL", 11L, 21L, Set.of(Role.OPS), ops, SampleFiles.pdf("approval"));
        DocumentSummary stored = as(ops, () -> documents.store(opsOnly));
        as(agent, () -> documents.store(certificate(SampleFiles.png(2, 2))));

        assertThat(as(ops, () -> documents.open(stored.id())).kind()).isEqualTo("APPROVAL");
        assertThatThrownBy(() -> as(agent, () -> documents.open(stored.id()))).isInstanceOf(NotFoundException.class);
        assertThat(as(agent, () -> documents.list("EXCEPTION", owner))).isEmpty();
        assertThat(as(agent, () -> documents.list("ENTERPRISE", owner)))
                .extracting(DocumentSummary::kind)
                .containsExactly("CERTIFICATE");
    }

    @Test
    void nobodyStoresADocumentForAnotherTenant() {
        NewDocument foreign = new NewDocument(
                "ENTERPRISE", owner, "CERTIFICATE", 12L, 22L, Set.of(Role.AGENT), agent, SampleFiles.png(2, 2));
        assertThatThrownBy(() -> as(agent, () -> documents.store(foreign))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void thePageShowsTheDocumentInlineUncachedAndUnsniffed() {
        byte[] content = SampleFiles.png(5, 5);
        DocumentSummary stored = as(agent, () -> documents.store(certificate(content)));
        SecurityContextHolder.clearContext();

        assertThat(mvc.get().uri(stored.path()).with(ActorAuthentication.as(enterpriseAdmin)))
                .hasStatusOk()
                .hasContentType("image/png")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Cache-Control", "no-store")
                .hasHeader("Content-Disposition", "inline; filename=\"certificate.png\"")
                .body()
                .isEqualTo(content);
        assertThat(mvc.get().uri(stored.path()).with(ActorAuthentication.as(otherAgent)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/documents/" + Long.MAX_VALUE).with(ActorAuthentication.as(agent)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(stored.path())).hasStatus(HttpStatus.FOUND);
    }

    private NewDocument certificate(byte[] content) {
        return new NewDocument(
                "ENTERPRISE",
                owner,
                "CERTIFICATE",
                11L,
                21L,
                Set.of(Role.AGENT, Role.OPS, Role.ENTERPRISE_ADMIN),
                agent,
                content);
    }

    private DomainException assertRefused(Supplier<?> call, ErrorCode code, String messageKey) {
        DomainException[] refusal = new DomainException[1];
        assertThatThrownBy(() -> as(agent, call)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.messageKey()).isEqualTo(messageKey);
            refusal[0] = e;
        });
        return refusal[0];
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    private Path directory() {
        return ((FileSystemDocumentStore) store).directory();
    }

    private long fileCount() throws IOException {
        if (!Files.exists(directory())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static <T> T as(Actor actor, Supplier<T> call) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        ActorPrincipal principal = () -> actor;
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        principal, null, actor.role().authority()));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static Actor actor(Role role, Long agentId, Long enterpriseId) {
        return ActorAuthentication.actor(role, agentId, enterpriseId);
    }
}
