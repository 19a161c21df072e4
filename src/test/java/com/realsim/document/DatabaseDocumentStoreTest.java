package com.realsim.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With an external PostgreSQL the documents are kept in it (every instance opens every document): encrypted, in the
 * transaction of the record they belong to, nothing on the instance's disk.
 */
@SpringBootTest
class DatabaseDocumentStoreTest {

    static final AtomicLong owners = new AtomicLong(7_000);
    static final Actor AGENT = ActorAuthentication.actor(Role.AGENT, 31L, null);

    @Autowired
    DocumentService documents;

    @Autowired
    DocumentStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${realsim.documents.directory}")
    Path directory;

    final long owner = owners.incrementAndGet();

    @Test
    void aDocumentIsKeptEncryptedInTheDatabaseAndOpensExactlyAsUploaded() {
        byte[] content = SampleFiles.pdf("CONFIDENTIAL-MARKER-4712 身份证 110105199809181031");

        DocumentSummary stored = RunAs.run(AGENT, () -> documents.store(certificate(content)));

        assertThat(store).isInstanceOf(DatabaseDocumentStore.class);
        byte[] kept = jdbc.queryForObject(
                "SELECT c.content FROM stored_document_content c JOIN stored_document d USING (storage_key)"
                        + " WHERE d.id = ?",
                byte[].class,
                stored.id());
        assertThat(new String(kept, StandardCharsets.ISO_8859_1))
                .doesNotContain("CONFIDENTIAL-MARKER-4712")
                .doesNotContain("110105199809181031")
                .doesNotContain("%PDF");
        assertThat(RunAs.run(AGENT, () -> documents.open(stored.id())).content())
                .isEqualTo(content);
        assertThat(Files.exists(directory))
                .as("nothing on this instance's disk")
                .isFalse();
    }

    @Test
    void aRolledBackUploadLeavesNeitherContentNorRow() {
        long before = jdbc.queryForObject("SELECT count(*) FROM stored_document_content", Long.class);

        transactions.executeWithoutResult(status -> {
            RunAs.run(AGENT, () -> documents.store(certificate(SampleFiles.png(4, 4))));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM stored_document_content", Long.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stored_document WHERE owner_id = ?", Long.class, owner))
                .isZero();
    }

    @Test
    void contentWithoutItsDocumentRowIsRefusedByTheDatabase() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        status -> store.put("0123456789abcdef0123456789abcdef", new byte[] {1, 2, 3})))
                .hasMessageContaining("stored_document_content");
    }

    /** The file-system store, the option for the embedded setup, replaces a file whole (a re-seal). */
    @Test
    void theFileSystemStoreReplacesAFileWhole(@TempDir Path files) throws IOException {
        FileSystemDocumentStore filesystem = new FileSystemDocumentStore(files);
        String key = "abcdef0123456789abcdef0123456789";
        filesystem.put(key, new byte[] {1, 2, 3});

        filesystem.replace(key, new byte[] {4, 5});

        assertThat(filesystem.get(key)).containsExactly(4, 5);
        try (Stream<Path> left = Files.walk(files)) {
            assertThat(left.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    private NewDocument certificate(byte[] content) {
        return new NewDocument("ENTERPRISE", owner, "CERTIFICATE", 31L, null, Set.of(Role.AGENT), AGENT, content);
    }
}
