package com.realsim.risk.appeals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.platform.Role;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API, appeals (申诉): the customer (AGENT, ENTERPRISE_ADMIN) contests a card's risk suspension; OPS list,
 * claim and decide them (grant or reject, each with a reason). Another tenant's card or appeal answers 404.
 */
@RestController
@Tag(name = "Risk monitoring")
@RequiredArgsConstructor
class AppealApi {

    private final RiskAppeals appeals;

    /** The customer's appeal: the contested blocking reason and a statement (2 to 1000 characters). */
    record NewAppeal(BlockingReason reason, String statement) {}

    record Reason(@NotBlank @Size(max = 1000) String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppealAnswer(
            long id,
            String iccid,
            CardState cardState,
            BlockingReason reason,
            String statement,
            AppealStatus status,
            String filedBy,
            Role filedRole,
            Instant filedAt,
            String assignee,
            String decidedBy,
            String decisionReason,
            Instant decidedAt) {

        static AppealAnswer of(AppealView appeal) {
            return new AppealAnswer(
                    appeal.id(),
                    appeal.iccid(),
                    appeal.cardState(),
                    appeal.reason(),
                    appeal.statement(),
                    appeal.status(),
                    appeal.filedBy(),
                    appeal.filedRole(),
                    appeal.filedAt(),
                    appeal.assignee(),
                    appeal.decidedBy(),
                    appeal.decisionReason(),
                    appeal.decidedAt());
        }
    }

    @PostMapping("/api/v1/cards/{iccid}/appeals")
    @PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    AppealAnswer submitAppeal(@PathVariable String iccid, @RequestBody NewAppeal request) {
        return AppealAnswer.of(appeals.file(iccid, request.reason(), request.statement()));
    }

    @GetMapping("/api/v1/cards/{iccid}/appeals")
    @PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
    List<AppealAnswer> listCardAppeals(@PathVariable String iccid) {
        return appeals.onCard(iccid).stream().map(AppealAnswer::of).toList();
    }

    @GetMapping("/api/v1/risk/appeals")
    @PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
    CursorPage<AppealAnswer> listAppeals(
            @RequestParam(required = false) AppealStatus status,
            @RequestParam(required = false) String iccid,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        RiskAppeals.Filter filter = new RiskAppeals.Filter(status, iccid);
        return CursorPage.byId(size, cursor, (after, limit) -> appeals.list(filter, after, limit), AppealView::id)
                .map(AppealAnswer::of);
    }

    @GetMapping("/api/v1/risk/appeals/{id}")
    @PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
    AppealAnswer getAppeal(@PathVariable long id) {
        return AppealAnswer.of(appeals.appeal(id));
    }

    @PostMapping("/api/v1/risk/appeals/{id}/claim")
    @PreAuthorize("hasRole('OPS')")
    AppealAnswer claimAppeal(@PathVariable long id) {
        return AppealAnswer.of(appeals.claim(id));
    }

    @PostMapping("/api/v1/risk/appeals/{id}/release")
    @PreAuthorize("hasRole('OPS')")
    AppealAnswer releaseAppeal(@PathVariable long id) {
        return AppealAnswer.of(appeals.release(id));
    }

    @PostMapping("/api/v1/risk/appeals/{id}/grant")
    @PreAuthorize("hasRole('OPS')")
    AppealAnswer grantAppeal(@PathVariable long id, @Valid @RequestBody Reason request) {
        return AppealAnswer.of(appeals.grant(id, request.reason()));
    }

    @PostMapping("/api/v1/risk/appeals/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    AppealAnswer rejectAppeal(@PathVariable long id, @Valid @RequestBody Reason request) {
        return AppealAnswer.of(appeals.reject(id, request.reason()));
    }
}
