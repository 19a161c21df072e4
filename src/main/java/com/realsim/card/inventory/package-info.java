/**
 * The inventory import: cards of the operator's files stored in bulk (streamed, {@code COPY} into staging, row-level
 * rejections), synchronously for the Partner API and in the background for the page. The demo data and tests import
 * through it.
 */
@org.springframework.modulith.NamedInterface("inventory")
package com.realsim.card.inventory;
