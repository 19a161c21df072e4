package com.realsim.account.web;

import com.realsim.account.NewUser;
import com.realsim.platform.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
public class UserForm {

    @NotBlank
    @Size(min = 3, max = 64)
    private String username;

    @NotBlank
    private String password;

    @NotNull
    private Role role;

    private Long agentId;

    private Long enterpriseId;

    NewUser toCommand() {
        return new NewUser(username, password, role, agentId, enterpriseId);
    }
}
