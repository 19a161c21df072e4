package com.realsim.document;

/** A document opened for a reader: its decrypted bytes and type. Keep it no longer than the response that shows it. */
public record DocumentContent(long id, String kind, DocumentContentType contentType, byte[] content) {

    /** A name for the download that says what the file is, never the uploaded name: {@code certificate.jpg}. */
    public String filename() {
        return kind.toLowerCase(java.util.Locale.ROOT) + "." + contentType.extension();
    }

    @Override
    public String toString() {
        return "DocumentContent[" + id + ", " + kind + ", " + contentType + ", " + content.length + " bytes]";
    }
}
