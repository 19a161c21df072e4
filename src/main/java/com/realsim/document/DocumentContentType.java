package com.realsim.document;

/** The kinds of content the platform stores, recognised by their first bytes, never by name or declared type. */
public enum DocumentContentType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf");

    private final String mimeType;
    private final String extension;

    DocumentContentType(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return this != PDF;
    }

    static DocumentContentType ofMimeType(String mimeType) {
        for (DocumentContentType type : values()) {
            if (type.mimeType.equals(mimeType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a stored content type: " + mimeType);
    }
}
