package com.realsim.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
public class AgentForm {

    @NotBlank
    @Size(max = 200)
    private String name;

    @Size(max = 40)
    private String uscc;
}
