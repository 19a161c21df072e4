package com.realsim.catalogue;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A plan to create. The code is upper-cased; it is what inventory files name in their {@code planCode} column.
 */
public record NewServicePlan(
        String code,
        String name,
        boolean dataDirectional,
        ServiceDirection voice,
        ServiceDirection sms,
        boolean testPackage,
        boolean imeiBinding) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");

    public NewServicePlan {
        code = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        name = name == null ? "" : name.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", ErrorCode.VALIDATION_FAILED, "catalogue.plan.code.format"));
        }
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", ErrorCode.VALIDATION_FAILED, "Size", "name", 200, 1));
        }
        if (voice == null) {
            problems.add(new FieldProblem("voice", ErrorCode.VALIDATION_FAILED, "validation.required"));
        }
        if (sms == null) {
            problems.add(new FieldProblem("sms", ErrorCode.VALIDATION_FAILED, "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
