package com.realsim.identity.api;

import com.realsim.identity.BarImport;
import com.realsim.identity.BarSubject;
import com.realsim.identity.BarView;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.IdType;
import com.realsim.identity.NewBar;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partner API, barred identities (断卡 惩戒): OPS record, import, read and lift bars; answers are masked. */
@RestController
@Tag(name = "Barred identities", description = "Persons and enterprises barred from new cards and new business.")
@RequestMapping("/api/v1/barred-identities")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class BarredIdentityApi {

    private final BarredIdentities bars;

    record CreateBar(
            @NotNull BarSubject subjectType,
            IdType idType,
            @Size(max = 40) String idNumber,
            @Size(max = 40) String uscc,
            @NotBlank @Size(max = 100) String basis,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validTo,
            @NotBlank @Size(max = 1000) String reason) {

        @Override
        public String toString() {
            return "CreateBar[" + subjectType + ", " + basis + "]";
        }
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {}

    record BarBody(BarView bar, List<String> cardsHeld) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<BarView> recordBar(@Valid @RequestBody CreateBar request) {
        BarView bar = bars.record(new NewBar(
                request.subjectType(),
                request.idType(),
                request.idNumber(),
                request.uscc(),
                request.basis(),
                request.validFrom(),
                request.validTo(),
                request.reason()));
        return ResponseEntity.created(URI.create("/api/v1/barred-identities/" + bar.id()))
                .body(bar);
    }

    /** {@code text/csv} with the header {@code subjectType,idType,idNumber,uscc,basis,validFrom,validTo,reason}. */
    @PostMapping(path = "/import", consumes = "text/csv")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    BarImport importBars(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return bars.importCsv(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @GetMapping
    CursorPage<BarView> listBars(
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor) {
        return CursorPage.byId(size, cursor, bars::list, BarView::id);
    }

    @GetMapping("/{id}")
    BarBody getBar(@PathVariable long id) {
        return new BarBody(bars.view(id), bars.cardsHeld(id));
    }

    @PostMapping("/{id}/lift")
    BarView liftBar(@PathVariable long id, @Valid @RequestBody Reason request) {
        return bars.lift(id, request.reason());
    }
}
