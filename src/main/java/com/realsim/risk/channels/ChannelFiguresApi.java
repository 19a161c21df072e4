package com.realsim.risk.channels;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API, agent figures (OPS, ADMIN): {@code GET /api/v1/agents/figures?sort=&from=&to=} answers every agent's
 * figures over the period (China time, both days included; by default the last 30 days), the highest {@code sort}
 * figure first (by default {@code RISK_ALERTS}).
 */
@RestController
@Tag(
        name = "Agent figures",
        description =
                "Per agent organisation: registrations, rejections and their reasons, orders, cards bound, risk alerts and failed re-verifications, for OPS.")
@PreAuthorize("hasAnyRole('OPS', 'ADMIN')")
@RequiredArgsConstructor
class ChannelFiguresApi {

    private final ChannelFigures figures;

    @GetMapping("/api/v1/agents/figures")
    FiguresReport listAgentFigures(
            @RequestParam(required = false) AgentFigure sort,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(sort, from, to);
    }
}
