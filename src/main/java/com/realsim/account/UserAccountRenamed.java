package com.realsim.account;

import com.realsim.identity.Masking;
import com.realsim.platform.Actor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published when an ADMIN gives an account another name of its person (the username stays; null clears it). The trail
 * keeps the new name masked ({@code 张*}).
 */
public record UserAccountRenamed(
        long userId, String username, Long agentId, Long enterpriseId, String displayName, Actor by)
        implements UserAccountEvent {

    @Override
    public String action() {
        return "USER_RENAMED";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("name", Masking.name(displayName)); // masked, as the trail keeps every name
        return details;
    }
}
