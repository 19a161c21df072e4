/**
 * Exports (issue 15): the card, order and audit lists and the operator report (domain-rules.md "Reports owed to the
 * operator") as CSV or XLSX files made in the background. A file is written from a PostgreSQL cursor row by row, so
 * that a million rows take no more memory than ten, and kept in PostgreSQL in sealed parts, so that every instance
 * serves it, for {@code realsim.exports.keep}. Files are masked as the screens are; only OPS may make the operator
 * report with clear personal data, with a reason (audited as an unmasking). Every creation and download is audited.
 *
 * <p>Like risk, a top module: it reads the tables of the card, order, enterprise, verification and audit modules
 * through read-only SQL kept here ({@link com.realsim.export.ExportQueries}) and writes none of them; nothing depends
 * on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exports")
package com.realsim.export;
