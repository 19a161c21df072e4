package com.realsim.enterprise;

import com.realsim.document.DocumentSummary;
import java.util.List;

/** Everything a page shows about one enterprise: the record, its documents, changes and history (masked). */
public record EnterpriseFile(
        EnterpriseView enterprise,
        List<String> requiredDocuments,
        List<DocumentSummary> documents,
        List<ChangeRequestView> changeRequests,
        List<ResponsiblePersonView> responsiblePersons,
        List<RevisionView> revisions) {}
