package com.realsim.export;

import com.realsim.platform.db.SealedParts;
import java.io.InputStream;
import java.io.OutputStream;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Export files in PostgreSQL, so that every instance serves them: {@link SealedParts} in {@code export_file_part},
 * bound to the export. A file is written while the export's cursor is open in another transaction: each part is
 * committed on a transaction of its own, so at most one part is in memory.
 */
@Component
@RequiredArgsConstructor
class ExportFiles {

    private static final SealedParts.Table TABLE =
            new SealedParts.Table("export_file_part", "export_id", "realsim/export");

    private final SealedParts parts;

    /** A stream that stores what is written into the export's parts, from part 0; {@code close} stores the last. */
    OutputStream writer(long exportId) {
        return parts.writer(TABLE, exportId);
    }

    /** The stored file from its beginning, one part in memory at a time. */
    InputStream reader(long exportId) {
        return parts.reader(TABLE, exportId);
    }

    long parts(long exportId) {
        return parts.parts(TABLE, exportId);
    }

    void delete(long exportId) {
        parts.deleteSeparately(TABLE, exportId);
    }
}
