package com.realsim.approval;

import com.realsim.document.DocumentSummary;
import java.util.List;

/**
 * Everything the request page shows: the request, the documents the current actor may read, and what the current
 * actor may do with it.
 *
 * @param requestedByMe the current actor submitted it (and therefore may not decide it)
 * @param assignedToMe the current actor holds it in the queue
 */
public record ExceptionFile(
        ExceptionView request, List<DocumentSummary> documents, boolean requestedByMe, boolean assignedToMe) {}
