package com.realsim.document.web;

import com.realsim.document.DocumentContent;
import com.realsim.document.DocumentService;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Shows a stored document in the browser, for readers whose role and tenant allow it (anyone else: 404). The
 * answer is never cached, never sniffed into another type, named after the document's kind, and sandboxed: its
 * Content-Security-Policy ({@value #SANDBOX}) gives it no origin, no scripts and nothing to load. Photos are shown
 * inline; a PDF is always a download ({@code attachment}), never opened in the application's origin, where a
 * browser's PDF viewer would run what the file holds.
 */
@Controller
@RequestMapping("/documents")
@PreAuthorize("hasAnyRole('ADMIN','OPS','AGENT','ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class DocumentController {

    private final DocumentService documents;

    static final String SANDBOX = "sandbox; default-src 'none'";

    @GetMapping("/{id}")
    ResponseEntity<byte[]> show(@PathVariable long id) {
        DocumentContent document = documents.open(id);
        ContentDisposition.Builder disposition =
                document.contentType().isImage() ? ContentDisposition.inline() : ContentDisposition.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType().mimeType()))
                .contentLength(document.content().length)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(document.filename()).build().toString())
                .body(document.content());
    }
}
