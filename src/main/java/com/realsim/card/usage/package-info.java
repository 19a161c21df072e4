/**
 * Usage files uploaded by OPS on a page: each upload is a platform job (its file kept in the database, run by any
 * instance, its progress shown by the page as the inventory import's is), the file read as a stream and taken in
 * slices of {@code CardUsageService.MAX_REPORTS} records through the usage feed's set-based ingest; every rejected line
 * is kept with its code.
 */
package com.realsim.card.usage;
