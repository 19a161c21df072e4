package com.realsim.account.web;

import com.realsim.account.NewApiClient;
import com.realsim.platform.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public class ApiClientForm {

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotNull
    private Role role;

    private Long agentId;

    private Long enterpriseId;

    NewApiClient toCommand() {
        return new NewApiClient(name, role, agentId, enterpriseId);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getAgentId() {
        return agentId;
    }

    public void setAgentId(Long agentId) {
        this.agentId = agentId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public void setEnterpriseId(Long enterpriseId) {
        this.enterpriseId = enterpriseId;
    }
}
