/**
 * Business orders (业务受理): agents submit new installations, transfers, real-name supplements, card replacements,
 * IMEI rebinds, suspensions, resumptions and cancellations for a verified enterprise, with the handler (经办人), the
 * cards and fresh photos; handlers of four order types pass a person-to-ID comparison, IMEI rebinds an OPS decision;
 * a completed order moves its cards through the card module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business orders")
package com.realsim.order;
