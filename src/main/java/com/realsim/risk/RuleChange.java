package com.realsim.risk;

import java.util.Map;

/**
 * What ADMIN set on a rule: on or off, the severity and the parameters (each a number; a parameter left out keeps its
 * value). Values come as the request had them and are checked against the rule's ranges.
 */
public record RuleChange(Boolean enabled, Severity severity, Map<String, Object> parameters) {

    public RuleChange {
        parameters = parameters == null ? Map.of() : parameters;
    }
}
