package com.realsim.risk.api;

import com.realsim.risk.RiskScans;
import com.realsim.risk.ScanView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Partner API, risk scans (OPS): start every enabled rule over all cards now, and follow its progress. */
@RestController
@Tag(name = "Risk monitoring")
@RequestMapping("/api/v1/risk/scans")
@PreAuthorize("hasRole('OPS')")
@RequiredArgsConstructor
class RiskScanApi {

    private final RiskScans scans;

    record ScanAnswer(
            long id,
            ScanView.ScanStatus status,
            ScanView.ScanTrigger trigger,
            Instant startedAt,
            Instant finishedAt,
            int rulesTotal,
            int rulesDone,
            long cardsScanned,
            long alertsOpened,
            long alertsRaised) {

        static ScanAnswer of(ScanView scan) {
            return new ScanAnswer(
                    scan.id(),
                    scan.status(),
                    scan.trigger(),
                    scan.startedAt(),
                    scan.finishedAt(),
                    scan.rulesTotal(),
                    scan.rulesDone(),
                    scan.cardsScanned(),
                    scan.alertsOpened(),
                    scan.alertsRaised());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ScanAnswer> startScan() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ScanAnswer.of(scans.start()));
    }

    @GetMapping("/{id}")
    ScanAnswer getScan(@PathVariable long id) {
        return ScanAnswer.of(scans.scan(id));
    }
}
