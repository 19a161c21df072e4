package com.realsim.export.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.realsim.export.ExportFormat;
import com.realsim.export.ExportKind;
import com.realsim.export.ExportStatus;
import com.realsim.export.ExportView;
import com.realsim.export.Exports;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API, exports: make one (202, written in the background), follow it, download its file (409 until DONE).
 * Each caller sees its own tenant's exports; another tenant's answers 404.
 */
@RestController
@Tag(name = "Exports", description = "Cards, orders, the audit trail and the operator report as CSV or XLSX files.")
@RequestMapping("/api/v1/exports")
@PreAuthorize("hasAnyRole('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class ExportApi {

    private final Exports exports;

    /**
     * @param unmasked the operator report's full version with clear personal data: OPS only, with a reason
     */
    record ExportRequest(
            ExportKind kind,
            ExportFormat format,
            Map<String, String> filter,
            Boolean unmasked,
            @Size(max = 500) String reason) {}

    /**
     * @param rows rows written so far (all of them once DONE)
     * @param rowsTotal the rows the file holds, once counted
     * @param progress percent done
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExportAnswer(
            long id,
            ExportKind kind,
            ExportFormat format,
            ExportStatus status,
            Map<String, String> filter,
            boolean unmasked,
            long rows,
            Long rowsTotal,
            int progress,
            Long bytes,
            Instant createdAt,
            Instant finishedAt,
            Instant expiresAt,
            String error) {

        static ExportAnswer of(ExportView export) {
            return new ExportAnswer(
                    export.id(),
                    export.kind(),
                    export.format(),
                    export.status(),
                    export.filter(),
                    export.unmasked(),
                    export.rowsDone(),
                    export.rowsTotal(),
                    export.percent(),
                    export.bytes(),
                    export.createdAt(),
                    export.finishedAt(),
                    export.expiresAt(),
                    export.errorKey());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ExportAnswer> createExport(@Validated @RequestBody ExportRequest request) {
        ExportView export = exports.create(
                request.kind(),
                request.format(),
                request.filter(),
                Boolean.TRUE.equals(request.unmasked()),
                request.reason());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ExportAnswer.of(export));
    }

    @GetMapping("/{id}")
    ExportAnswer getExport(@PathVariable long id) {
        return ExportAnswer.of(exports.export(id));
    }

    /** The file, with a header row; 409 until the export is DONE. */
    @GetMapping("/{id}/file")
    @ApiResponse(
            responseCode = "200",
            description = "The file (CSV or XLSX, as the export was asked for)",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary"))
            })
    void getExportFile(@PathVariable long id, HttpServletResponse response) throws IOException {
        Exports.Download download = exports.download(id);
        response.setContentType(download.export().format().contentType());
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + download.export().fileName() + "\"");
        if (download.export().bytes() != null) {
            response.setContentLengthLong(download.export().bytes());
        }
        try (InputStream content = download.content()) {
            content.transferTo(response.getOutputStream());
        }
    }
}
