package com.realsim.card.api;

import com.realsim.card.bulk.BulkAction;
import com.realsim.card.bulk.BulkItem;
import com.realsim.card.bulk.BulkLines;
import com.realsim.card.bulk.BulkLink;
import com.realsim.card.bulk.BulkOutcomes;
import com.realsim.card.bulk.BulkStatus;
import com.realsim.card.bulk.BulkView;
import com.realsim.card.bulk.CardBulkActions;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk actions for partners (an addition to the contract, docs/partner-api-v1.md "Bulk actions"): one action on up
 * to 10,000 ICCIDs, run in the background, with an outcome per ICCID. Another tenant's bulk action answers 404, and
 * another tenant's ICCIDs are "not found" in the results, never acted on.
 */
@RestController
@Tag(name = "Cards")
@RequestMapping("/api/v1/cards/bulk-actions")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class CardBulkApi {

    private final CardBulkActions bulks;
    private final BulkOutcomes outcomes;

    /** {@code reason} is needed to SUSPEND and RESUME; {@code iccids}: 1 to 10,000, each refused on its own if bad. */
    record BulkRequest(BulkAction action, List<String> iccids, String reason) {}

    record BulkAnswer(
            long id,
            BulkAction action,
            BulkStatus status,
            int total,
            int done,
            int refused,
            int percent,
            Instant createdAt,
            Instant finishedAt,
            boolean linksWaiting) {

        static BulkAnswer of(BulkView bulk) {
            return new BulkAnswer(
                    bulk.id(),
                    bulk.action(),
                    bulk.status(),
                    bulk.total(),
                    bulk.done(),
                    bulk.refused(),
                    bulk.percent(),
                    bulk.createdAt(),
                    bulk.finishedAt(),
                    bulk.linksWaiting());
        }
    }

    /**
     * One ICCID's outcome: {@code DONE}, {@code REFUSED} (with {@code code} and a readable {@code message}) or null
     * while the action runs.
     */
    record BulkResult(int line, String iccid, String outcome, String code, String message) {}

    record BulkLinkAnswer(int line, String iccid, String url, Instant expiresAt) {}

    @PostMapping
    ResponseEntity<BulkAnswer> createBulkAction(@RequestBody BulkRequest request) {
        BulkView bulk = bulks.start(request.action(), request.reason(), BulkLines.of(request.iccids(), "iccids"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(BulkAnswer.of(bulk));
    }

    @GetMapping("/{id}")
    BulkAnswer getBulkAction(@PathVariable long id) {
        return BulkAnswer.of(bulks.find(id));
    }

    /** The outcomes in line order, a page at a time ({@code size} up to 500, {@code cursor} from the last page). */
    @GetMapping("/{id}/results")
    CursorPage<BulkResult> listBulkActionResults(
            @PathVariable long id,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        Locale locale = LocaleContextHolder.getLocale();
        return CursorPage.byId(
                size,
                cursor,
                (after, limit) -> bulks.items(id, after == null ? 0 : after.intValue(), limit).stream()
                        .map(item -> result(item, locale))
                        .toList(),
                BulkResult::line);
    }

    /**
     * The self-service links a SELF_SERVICE_LINK action issued, once (AGENT, ENTERPRISE_ADMIN): they are erased as
     * they are answered; a second call answers 409.
     */
    @PostMapping("/{id}/links")
    @PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
    List<BulkLinkAnswer> takeBulkActionLinks(@PathVariable long id) {
        List<BulkLink> links = bulks.takeLinks(id);
        return links.stream()
                .map(link -> new BulkLinkAnswer(link.line(), link.iccid(), link.url(), link.expiresAt()))
                .toList();
    }

    private BulkResult result(BulkItem item, Locale locale) {
        return new BulkResult(
                item.line(),
                item.iccid(),
                item.outcome(),
                "DONE".equals(item.outcome()) ? null : item.code(),
                item.outcome() == null ? null : outcomes.message(item, locale));
    }
}
