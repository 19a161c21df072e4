package com.realsim.risk.channels;

import java.time.LocalDate;
import java.util.List;

/** Every agent's figures over the days from {@code from} to {@code to} (both included, China time), sorted. */
public record FiguresReport(LocalDate from, LocalDate to, AgentFigure sort, List<AgentFigures> agents) {}
