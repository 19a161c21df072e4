package com.realsim.enterprise;

import java.time.Instant;

/** A former state of an enterprise's real-name details, masked, valid until an approved change replaced it. */
public record RevisionView(String name, String certificateAddress, String legalRepresentative, Instant validUntil) {}
