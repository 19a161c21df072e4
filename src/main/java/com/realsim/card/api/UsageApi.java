package com.realsim.card.api;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily usage from the operator's feed (OPS, or the operator's feed client acting as OPS): up to 10,000 of {@code
 * {"iccid","date","dataKb","smsCount","voiceSeconds","imei","nonDirectionalKb"?}} → 202 {@code {"accepted": n,
 * "rejected": [{"index","code","field","message"}]}}. A bad report is rejected, never the batch; the good ones are
 * stored set-based.
 */
@RestController
@Tag(
        name = "Usage",
        description = "Daily usage of cards from the operator's feed: the last sign of life of a card, and the device "
                + "it is used in (machine-card binding).")
@RequestMapping("/api/v1/usage")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class UsageApi {

    private final CardUsageService usage;
    private final MessageSource messages;

    /** The date as text, so that a malformed one rejects its report rather than the request. */
    record UsageRequest(
            String iccid,
            String date,
            Long dataKb,
            Long smsCount,
            Long voiceSeconds,
            String imei,
            Long nonDirectionalKb) {}

    record RejectedReport(int index, String code, String field, String message) {}

    record UsageResponse(int accepted, List<RejectedReport> rejected) {}

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<UsageResponse> reportUsage(@RequestBody List<UsageRequest> reports) {
        CardUsageService.Outcome outcome = usage.ingest(reports.stream()
                .map(r -> r == null
                        ? new CardUsageService.Report(null, null, null, null, null, null, null)
                        : new CardUsageService.Report(
                                r.iccid(),
                                r.date(),
                                r.dataKb(),
                                r.smsCount(),
                                r.voiceSeconds(),
                                r.imei(),
                                r.nonDirectionalKb()))
                .toList());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new UsageResponse(
                        outcome.accepted(),
                        outcome.rejected().stream()
                                .map(r -> new RejectedReport(
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
