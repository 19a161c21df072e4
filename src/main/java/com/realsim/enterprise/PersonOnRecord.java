package com.realsim.enterprise;

import com.realsim.identity.IdDocument;

/**
 * A person as on record, in clear, for a check that seals them again (a re-verification): never shown, never logged.
 *
 * @param idFrontDocumentId the ID photo they were verified by (a document readable by OPS and the agent)
 */
public record PersonOnRecord(String name, IdDocument idDocument, long idFrontDocumentId, Long idBackDocumentId) {

    @Override
    public String toString() {
        return "PersonOnRecord[" + idDocument + "]";
    }
}
