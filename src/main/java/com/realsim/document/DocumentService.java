package com.realsim.document;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.crypto.KeyRing;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.NotFoundException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores documents for other modules' records and opens them for readers. Content is checked by its bytes (JPEG, PNG,
 * PDF; size; image dimensions), encrypted with the {@code documents} key (AES-256-GCM, the storage key as associated
 * data) and kept under a random name; a reader sees a document only when their role may read it and their tenant
 * scope covers it, and otherwise gets the same 404 as for a document that does not exist.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DocumentService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoredDocuments documents;
    private final DocumentStore store;
    private final KeyRing keys;
    private final DocumentProperties properties;
    private final Clock clock;

    /**
     * Checks, encrypts and stores a file; an image is stored without its metadata (EXIF with GPS, XMP, comments:
     * {@link ContentInspector}). If anything fails, or the caller's transaction later rolls back, the file is removed
     * again: no metadata row without a file and no file without a row.
     *
     * @throws DomainException {@code PAYLOAD_TOO_LARGE} above the size limit; {@code UNSUPPORTED_MEDIA_TYPE} for
     *     content that is not JPEG, PNG or PDF, an image that cannot be read to its end or is above the dimension
     *     limits, data appended after its end, or another format hidden inside (a polyglot)
     * @throws NotFoundException when the current actor's tenant scope does not cover the given tenant
     */
    @Transactional
    public DocumentSummary store(NewDocument document) {
        CurrentActor.find().ifPresent(actor -> {
            if (!actor.scope().covers(document.agentId(), document.enterpriseId())) {
                throw new NotFoundException();
            }
        });
        ContentInspector.Inspection inspection = ContentInspector.inspect(
                new ByteArrayInputStream(document.content()),
                new ContentInspector.Limits(
                        properties.maxSize().toBytes(), properties.maxImageSide(), properties.maxImagePixels()));
        byte[] content = inspection.content(); // an image without its metadata
        String storageKey = newStorageKey();
        byte[] ciphertext = encrypt(content, storageKey);
        store.put(storageKey, ciphertext);
        if (!store.transactional()) {
            removeUnlessCommitted(storageKey);
        }
        StoredDocument stored = documents.save(new StoredDocument(
                document, inspection.type(), content.length, sha256(content), storageKey, clock.instant()));
        Actor uploader = document.uploadedBy();
        return documents.save(stored.stored(uploader)).summary();
    }

    /**
     * The decrypted content for the current actor.
     *
     * @throws NotFoundException when the document does not exist, is outside the actor's tenant scope, or the
     *     actor's role is not among those that may read it
     */
    @Transactional(readOnly = true)
    public DocumentContent open(long id) {
        Actor reader = CurrentActor.find().orElseThrow(NotFoundException::new);
        StoredDocument document = documents
                .findVisible(id)
                .filter(d -> d.isReadableBy(reader.role()))
                .orElseThrow(NotFoundException::new);
        byte[] content = decrypt(store.get(document.storageKey()), document.storageKey());
        if (!sha256(content).equals(document.sha256())) {
            throw new IllegalStateException("Document " + id + " does not match its checksum");
        }
        return new DocumentContent(document.id(), document.kind(), document.contentType(), content);
    }

    /**
     * The decrypted content for system work on a document whose id the calling module holds from its own records
     * (for example the verification module comparing a case's photos). Not for ids taken from a request: those go
     * through {@link #open(long)}, which applies the reader's role and tenant scope.
     */
    @Transactional(readOnly = true)
    public DocumentContent openForProcessing(long id) {
        StoredDocument document = documents.findById(id).orElseThrow(NotFoundException::new);
        byte[] content = decrypt(store.get(document.storageKey()), document.storageKey());
        if (!sha256(content).equals(document.sha256())) {
            throw new IllegalStateException("Document " + id + " does not match its checksum");
        }
        return new DocumentContent(document.id(), document.kind(), document.contentType(), content);
    }

    /** The documents of a record that the current actor may read, oldest first. */
    @Transactional(readOnly = true)
    public List<DocumentSummary> list(String ownerType, long ownerId) {
        Optional<Actor> reader = CurrentActor.find();
        if (reader.isEmpty()) {
            return List.of();
        }
        Specification<StoredDocument> owner = (root, query, cb) ->
                cb.and(cb.equal(root.get("ownerType"), ownerType), cb.equal(root.get("ownerId"), ownerId));
        return documents.findAll(documents.visible().and(owner)).stream()
                .filter(d -> d.isReadableBy(reader.get().role()))
                .map(StoredDocument::summary)
                .sorted(Comparator.comparing(DocumentSummary::uploadedAt).thenComparing(DocumentSummary::id))
                .toList();
    }

    /**
     * The kinds of document a record has on file, including those the current actor's role may not open: whether a
     * record is complete is no secret from those who see the record (an enterprise admin sees that its responsible
     * person's ID photos are there without seeing them). Within the actor's tenant scope.
     */
    @Transactional(readOnly = true)
    public Set<String> kindsOnFile(String ownerType, long ownerId) {
        if (CurrentActor.find().isEmpty()) {
            return Set.of();
        }
        Specification<StoredDocument> owner = (root, query, cb) ->
                cb.and(cb.equal(root.get("ownerType"), ownerType), cb.equal(root.get("ownerId"), ownerId));
        return documents.findAll(documents.visible().and(owner)).stream()
                .map(StoredDocument::kind)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void removeUnlessCommitted(String storageKey) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.delete(storageKey);
                }
            }
        });
    }

    private byte[] encrypt(byte[] content, String storageKey) {
        try {
            return keys.documents().encrypt(content, storageKey.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a document", e);
        }
    }

    private byte[] decrypt(byte[] ciphertext, String storageKey) {
        try {
            return keys.documents().decrypt(ciphertext, storageKey.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored document does not decrypt under its key");
        }
    }

    private static String newStorageKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
