package com.realsim.account.web;

import lombok.Getter;
import lombok.Setter;

/**
 * A password form: an ADMIN's temporary password for an account ({@code password} only), or a person's new password
 * with their current one.
 */
@Getter
@Setter
public class PasswordForm {

    private String currentPassword;

    private String password;
}
