package com.realsim.card.api;

import com.realsim.card.inventory.CardImportResult;
import com.realsim.card.inventory.CardImportService;
import com.realsim.platform.CurrentActor;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** OPS: the inventory import, synchronously, streamed from the request body. */
@RestController
@Tag(
        name = "Inventory",
        description = "The operator's card inventory: importing cards from CSV files, with every rejected line named.")
@RequestMapping("/api/v1/cards/import")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class CardImportApi {

    private final CardImportService imports;
    private final MessageSource messages;

    /** A rejected line: its first problem, and every problem found on it (the first included). */
    @Schema(name = "RejectedCardLine") // not the TAC import's Rejected: one schema per name
    record Rejected(long line, String code, String field, String message, List<Problem> problems) {}

    @Schema(name = "CardLineProblem")
    record Problem(String code, String field, String message) {}

    record ImportResponse(long importId, long imported, List<Rejected> rejected) {

        static ImportResponse of(CardImportResult result, MessageSource messages) {
            Locale locale = LocaleContextHolder.getLocale();
            return new ImportResponse(
                    result.importId(),
                    result.imported(),
                    result.rejected().stream()
                            .map(r -> new Rejected(
                                    r.line(),
                                    r.code(),
                                    r.field(),
                                    messages.getMessage(r.messageKey(), null, r.code(), locale),
                                    r.problems().stream()
                                            .map(p -> new Problem(
                                                    p.code(),
                                                    p.field(),
                                                    messages.getMessage(p.messageKey(), null, p.code(), locale)))
                                            .toList()))
                            .toList());
        }
    }

    @PostMapping(consumes = "text/csv")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ImportResponse importCards(
            HttpServletRequest request,
            @RequestHeader(name = "X-File-Name", required = false, defaultValue = "api.csv") String fileName)
            throws IOException {
        try (InputStream body = request.getInputStream()) {
            return ImportResponse.of(imports.importNow(body, clean(fileName), CurrentActor.get()), messages);
        }
    }

    private static String clean(String fileName) {
        String name = fileName.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        return name.isEmpty() ? "api.csv" : name.substring(0, Math.min(name.length(), 255));
    }
}
