package com.realsim.export;

import com.realsim.platform.Labelled;

/** The file's format. */
public enum ExportFormat implements Labelled {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    @Override
    public String messageKey() {
        return "export.format." + name();
    }
}
