package com.realsim.verification;

import com.realsim.document.DocumentService;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Reads a case's photos for the face check, as system work: an end user's self-service submission has no signed-in
 * reader. Only the document ids the calling module put into the case are read, never ids from a request.
 */
@Component
@RequiredArgsConstructor
class CasePhotos {

    private final DocumentService documents;

    byte[] read(long documentId) {
        return documents.openForProcessing(documentId).content();
    }
}
