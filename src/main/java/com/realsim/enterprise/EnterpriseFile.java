package com.realsim.enterprise;

import com.realsim.document.DocumentSummary;
import java.util.List;
import java.util.Set;

/**
 * Everything a page shows about one enterprise: the record, its documents, changes and history (masked).
 *
 * @param documents the documents the reader may open
 * @param documentsOnFile the kinds of document the enterprise has, whether or not the reader may open them
 */
public record EnterpriseFile(
        EnterpriseView enterprise,
        List<String> requiredDocuments,
        List<DocumentSummary> documents,
        Set<String> documentsOnFile,
        List<ChangeRequestView> changeRequests,
        List<ResponsiblePersonView> responsiblePersons,
        List<RevisionView> revisions) {

    /** The first required kind of document not yet on file, or null: what the upload form offers next. */
    public String nextMissingDocument() {
        return requiredDocuments.stream()
                .filter(kind -> !documentsOnFile.contains(kind))
                .findFirst()
                .orElse(null);
    }
}
