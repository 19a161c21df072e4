package com.realsim.account.web;

import com.realsim.account.UserSummary;
import lombok.Getter;
import lombok.Setter;

/** An ADMIN's edit of an account: its person's name, the organisation its role acts for, whether it may sign in. */
@Getter
@Setter
public class UserEditForm {

    private String displayName;

    private Long agentId;

    private Long enterpriseId;

    private boolean enabled;

    static UserEditForm of(UserSummary user) {
        UserEditForm form = new UserEditForm();
        form.displayName = user.displayName();
        form.agentId = user.agentId();
        form.enterpriseId = user.enterpriseId();
        form.enabled = user.enabled();
        return form;
    }
}
