package com.realsim.platform.web;

import com.realsim.platform.Actor;
import java.util.Optional;

/**
 * A module's contribution to the dashboard: a headline number with a link, computed for the actor (within their
 * tenant scope). Modules implement it as a bean; the platform knows none of them.
 */
public interface DashboardTile {

    /** The tile for this actor, or empty when it does not concern their role. */
    Optional<Tile> tileFor(Actor actor);

    /**
     * @param messageKey the label's key; {@code value} the headline number; {@code path} where a click leads
     * @param tone a Bootstrap colour name (primary, warning, danger, success, secondary)
     */
    record Tile(String messageKey, long value, String path, String tone, int order) {}
}
