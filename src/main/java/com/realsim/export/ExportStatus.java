package com.realsim.export;

import com.realsim.platform.Labelled;

/** Where an export is: waiting for an instance, being written, ready to download, or failed. */
public enum ExportStatus implements Labelled {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    public boolean isFinished() {
        return this == DONE || this == FAILED;
    }

    @Override
    public String messageKey() {
        return "export.status." + name();
    }
}
