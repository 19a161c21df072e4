package com.realsim.catalogue.api;

import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorQuotaSetting;
import com.realsim.catalogue.OperatorService;
import com.realsim.platform.CurrentActor;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: operators and their one-ID-N-cards limit. */
@RestController
@Tag(
        name = "Operators",
        description = "The operators and how many cards one identity may hold at each (one ID, at most N cards).")
@RequestMapping("/api/v1/operators")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class OperatorApi {

    private final OperatorService operators;

    record QuotaRequest(@NotNull @Min(1) @Max(100) Integer maxCardsPerId) {}

    record SilentPeriodRequest(@NotNull @Min(1) @Max(365) Integer silentPeriodDays) {}

    record QuotaResponse(Operator operator, int maxCardsPerId, int silentPeriodDays) {

        static QuotaResponse of(OperatorQuotaSetting setting) {
            return new QuotaResponse(setting.operator(), setting.maxCardsPerId(), setting.silentPeriodDays());
        }
    }

    @GetMapping
    List<QuotaResponse> listOperators() {
        return operators.quotas().stream().map(QuotaResponse::of).toList();
    }

    @PutMapping("/{operator}/quota")
    QuotaResponse setOperatorQuota(@PathVariable Operator operator, @Valid @RequestBody QuotaRequest request) {
        return QuotaResponse.of(operators.setQuota(operator, request.maxCardsPerId(), CurrentActor.get()));
    }

    /** The operator's silent period (沉默期): a card waiting for activation this many days is switched on. */
    @PutMapping("/{operator}/silent-period")
    QuotaResponse setOperatorSilentPeriod(
            @PathVariable Operator operator, @Valid @RequestBody SilentPeriodRequest request) {
        return QuotaResponse.of(operators.setSilentPeriod(operator, request.silentPeriodDays(), CurrentActor.get()));
    }
}
