package com.realsim.account.web;

import lombok.Getter;
import lombok.Setter;

/** The hand-over form of an agent's page: the ACTIVE agent that takes the customers, and why. */
@Getter
@Setter
public class HandOverForm {

    private Long toAgentId;

    private String reason;
}
