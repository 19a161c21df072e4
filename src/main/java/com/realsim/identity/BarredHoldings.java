package com.realsim.identity;

import java.util.List;

/**
 * The cards a barred person already holds, answered by the module that keeps cards (the identity module knows no
 * cards). Until the risk module raises {@code BARRED_IDENTITY} alerts, the bar's page lists them for OPS.
 */
public interface BarredHoldings {

    /** ICCIDs of cards whose current end user has this identity (the blind index of type and identity key). */
    List<String> cardsHeldBy(String personIndex);
}
