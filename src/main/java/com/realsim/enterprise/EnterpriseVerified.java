package com.realsim.enterprise;

/** An enterprise's registration was approved by OPS: its enterprise-level real-name is complete. */
public record EnterpriseVerified(long enterpriseId, long agentId) {}
