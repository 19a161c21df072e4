package com.realsim.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * The fields every form about a person shares — name, ID document type (resident ID by default), ID number and ID
 * address — as typed, for page forms to extend. The values are checked where the form becomes a domain input
 * ({@link IdDocument#of}); a form is never prefilled with sealed values. A form that is bound with {@code @Valid}
 * (the end user's self-service form) also gets the presence and length rules below; forms whose controllers check
 * the input in the service (an enterprise's correction keeps what is left blank) do not ask for them.
 */
@Getter
@Setter
public class PersonFields {

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotNull
    private IdType idType = IdType.RESIDENT_ID;

    @NotBlank
    @Size(max = 40)
    private String idNumber;

    @NotBlank
    @Size(max = 500)
    private String idAddress;
}
