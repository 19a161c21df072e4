/**
 * The catalogue: service plans (套餐), the operators with their one-ID-N-cards limit, and the real-name policy (rules
 * as data). Platform configuration that an ADMIN edits, owned by no tenant, and needing no card.
 *
 * <p>Other modules call {@link com.realsim.catalogue.ServicePlanService} (the one plan look-up, by id or code, kept
 * in memory), {@link com.realsim.catalogue.OperatorService} (an operator's limit) and {@link
 * com.realsim.catalogue.RealNamePolicy} (the requirement of a card's plan and number), and may listen to {@link
 * com.realsim.catalogue.ServicePlanCreated}, {@link com.realsim.catalogue.OperatorQuotaChanged} and {@link
 * com.realsim.catalogue.RealNameRuleChanged}. The entities and their repositories are in {@code domain}, which no
 * other module may use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package com.realsim.catalogue;
