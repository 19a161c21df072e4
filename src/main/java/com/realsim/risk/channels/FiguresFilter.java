package com.realsim.risk.channels;

import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** The figures page's filter: the period and the figure to sort by. */
@Getter
@Setter
public class FiguresFilter {

    private AgentFigure sort;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
}
