package com.realsim.document;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.Tenanted;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.AbstractAggregateRoot;

/** The metadata of a stored file; its encrypted bytes are in the {@link DocumentStore} under {@code storageKey}. */
@Entity
@Table(name = "stored_document")
@Tenanted(agent = "agentId", enterprise = "enterpriseId")
class StoredDocument extends AbstractAggregateRoot<StoredDocument> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_type", nullable = false, updatable = false)
    private String ownerType;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private long ownerId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Convert(converter = ContentTypeColumn.class)
    @Column(name = "content_type", nullable = false, updatable = false)
    private DocumentContentType contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(name = "storage_key", nullable = false, updatable = false)
    private String storageKey;

    @Column(name = "agent_id", updatable = false)
    private Long agentId;

    @Column(name = "enterprise_id", updatable = false)
    private Long enterpriseId;

    @Convert(converter = RolesColumn.class)
    @Column(name = "readable_by", nullable = false)
    private Set<Role> readableBy;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected StoredDocument() {}

    StoredDocument(
            NewDocument document,
            DocumentContentType contentType,
            long sizeBytes,
            String sha256,
            String storageKey,
            Instant now) {
        this.ownerType = document.ownerType();
        this.ownerId = document.ownerId();
        this.kind = document.kind();
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.agentId = document.agentId();
        this.enterpriseId = document.enterpriseId();
        this.readableBy = EnumSet.copyOf(document.readableBy());
        Actor uploader = document.uploadedBy();
        this.uploadedBy = uploader == null ? "system" : uploader.principalKey();
        this.uploadedAt = now;
    }

    StoredDocument stored(Actor uploader) {
        registerEvent(new DocumentStored(
                id,
                ownerType,
                ownerId,
                kind,
                contentType.mimeType(),
                sizeBytes,
                sha256,
                agentId,
                enterpriseId,
                uploader == null ? "system" : uploader.name(),
                uploader == null ? null : uploader.role(),
                uploadedAt));
        return this;
    }

    boolean isReadableBy(Role role) {
        return readableBy.contains(role);
    }

    Long id() {
        return id;
    }

    String kind() {
        return kind;
    }

    DocumentContentType contentType() {
        return contentType;
    }

    String sha256() {
        return sha256;
    }

    String storageKey() {
        return storageKey;
    }

    DocumentSummary summary() {
        return new DocumentSummary(id, ownerType, ownerId, kind, contentType, sizeBytes, uploadedAt);
    }

    @Converter
    static class ContentTypeColumn implements AttributeConverter<DocumentContentType, String> {

        @Override
        public String convertToDatabaseColumn(DocumentContentType type) {
            return type == null ? null : type.mimeType();
        }

        @Override
        public DocumentContentType convertToEntityAttribute(String mimeType) {
            return mimeType == null ? null : DocumentContentType.ofMimeType(mimeType);
        }
    }

    /** Roles as a sorted comma-separated list, e.g. {@code AGENT,OPS}. */
    @Converter
    static class RolesColumn implements AttributeConverter<Set<Role>, String> {

        @Override
        public String convertToDatabaseColumn(Set<Role> roles) {
            return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
        }

        @Override
        public Set<Role> convertToEntityAttribute(String column) {
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            Arrays.stream(column.split(",")).map(Role::valueOf).forEach(roles::add);
            return roles;
        }
    }
}
