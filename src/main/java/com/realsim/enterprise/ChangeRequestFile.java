package com.realsim.enterprise;

import com.realsim.document.DocumentSummary;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A change request with the enterprise it changes, the proposed person if any, and its documents.
 *
 * @param documentsOnFile the kinds of document the request has, whether or not the reader may open them
 */
public record ChangeRequestFile(
        ChangeRequestView request,
        EnterpriseView enterprise,
        ResponsiblePersonView proposedPerson,
        List<DocumentSummary> documents,
        Set<String> documentsOnFile) {

    /**
     * The first kind of document a new responsible person still lacks (the ID's two sides, then the authorisation
     * letter unless the person is the legal representative), or null: what the upload form offers next.
     */
    public String nextMissingDocument() {
        if (proposedPerson == null) {
            return null;
        }
        return Stream.of(
                        EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT,
                        EnterpriseDocumentKind.RESPONSIBLE_ID_BACK,
                        proposedPerson.legalRepresentative() ? null : EnterpriseDocumentKind.RESPONSIBLE_AUTHORIZATION)
                .filter(kind -> kind != null && !documentsOnFile.contains(kind.name()))
                .map(Enum::name)
                .findFirst()
                .orElse(null);
    }
}
