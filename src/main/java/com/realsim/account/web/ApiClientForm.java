package com.realsim.account.web;

import com.realsim.account.NewApiClient;
import com.realsim.platform.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
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
}
