package com.realsim.document;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file to store for a record of another module.
 *
 * @param ownerType the owning record's type, as the owning module names it (e.g. {@code ENTERPRISE}, {@code ORDER})
 * @param ownerId the owning record's id
 * @param kind what the file is, as the owning module defines it (e.g. {@code CERTIFICATE}, {@code ID_FRONT})
 * @param agentId the owning tenant's agent organisation, if any: readers outside it do not see the file
 * @param enterpriseId the owning enterprise, if any
 * @param readableBy the roles that may open it (within their tenant scope)
 * @param uploadedBy who uploaded it; null for system work (e.g. an end user's self-service link)
 * @param content the bytes as uploaded; the declared name and type of the upload play no part
 */
public record NewDocument(
        String ownerType,
        long ownerId,
        String kind,
        Long agentId,
        Long enterpriseId,
        Set<Role> readableBy,
        Actor uploadedBy,
        byte[] content) {

    static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    public NewDocument {
        if (ownerType == null || !NAME.matcher(ownerType).matches() || ownerType.length() > 40) {
            throw new IllegalArgumentException("The owner type is an upper-case name of at most 40 characters");
        }
        if (kind == null || !NAME.matcher(kind).matches()) {
            throw new IllegalArgumentException("The kind is an upper-case name of at most 60 characters");
        }
        readableBy = Set.copyOf(Objects.requireNonNull(readableBy));
        if (readableBy.isEmpty()) {
            throw new IllegalArgumentException("At least one role must be able to read a document");
        }
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "NewDocument[" + ownerType + " " + ownerId + ", " + kind + ", " + content.length + " bytes]";
    }
}
