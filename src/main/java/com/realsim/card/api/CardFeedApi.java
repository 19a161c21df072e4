package com.realsim.card.api;

import com.realsim.card.CardFeedService;
import com.realsim.card.CardUsageService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's feed about cards (OPS, or the operator's feed client acting as OPS), up to 10,000 events a request,
 * each answered 202 {@code {"accepted": n, "rejected": [{"index","code","field","message"}]}}:
 *
 * <ul>
 *   <li>{@code POST /api/v1/cards/status-events} {@code [{"iccid","event":"ARREARS|ARREARS_CLEARED|DATA_LIMIT_REACHED|
 *       DATA_LIMIT_RESET","at"}]}: the blocking reasons {@code ARREARS} and {@code DATA_LIMIT_REACHED} set and
 *       cleared;
 *   <li>{@code POST /api/v1/esim/events} {@code [{"iccid","eid","operation":"DOWNLOAD|ENABLE|DISABLE|DELETE","at"}]}:
 *       kept on the card; an ENABLE on another EID is a machine-card separation.
 * </ul>
 */
@RestController
@Tag(
        name = "Operator feed",
        description = "What the operator's systems report about cards: arrears and the data-limit stop, and eSIM"
                + " profile events.")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class CardFeedApi {

    private final CardFeedService feed;
    private final MessageSource messages;

    /** The values as text, so that a malformed one rejects its event rather than the request. */
    record StatusEventRequest(String iccid, String event, String at) {}

    record EsimEventRequest(String iccid, String eid, String operation, String at) {}

    record RejectedEvent(int index, String code, String field, String message) {}

    record FeedResponse(int accepted, List<RejectedEvent> rejected) {}

    @PostMapping("/api/v1/cards/status-events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<FeedResponse> reportStatusEvents(@RequestBody List<StatusEventRequest> events) {
        return answer(feed.statusEvents(events.stream()
                .map(e -> e == null ? null : new CardFeedService.StatusReport(e.iccid(), e.event(), e.at()))
                .toList()));
    }

    @PostMapping("/api/v1/esim/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<FeedResponse> reportEsimEvents(@RequestBody List<EsimEventRequest> events) {
        return answer(feed.esimEvents(events.stream()
                .map(e -> e == null ? null : new CardFeedService.EsimReport(e.iccid(), e.eid(), e.operation(), e.at()))
                .toList()));
    }

    private ResponseEntity<FeedResponse> answer(CardUsageService.Outcome outcome) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new FeedResponse(
                        outcome.accepted(),
                        outcome.rejected().stream()
                                .map(r -> new RejectedEvent(
                                        r.index(),
                                        r.code().name(),
                                        r.field(),
                                        messages.getMessage(
                                                r.messageKey(),
                                                r.arguments().toArray(),
                                                r.messageKey(),
                                                LocaleContextHolder.getLocale())))
                                .toList()));
    }
}
