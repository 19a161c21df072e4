/**
 * Agent figures for OPS (issue 14): per agent organisation, over a period, its registrations, the rejections of its
 * registrations with their most frequent reasons, its orders, the cards it bound, the risk alerts on its cards and its
 * failed re-verifications, sorted by any of them, so that OPS see which channel to look at. Part of the risk module
 * because the figures count its alerts; computed by a constant number of set-based statements (no per-agent loop)
 * over the other modules' tables, read only.
 */
package com.realsim.risk.channels;
