package com.realsim.catalogue;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A plan to create. The code is upper-cased; it is what inventory files name in their {@code planCode} column. A test
 * package's cards leave their test period after {@code testPeriodDays} (1 to 365, default {@value
 * #DEFAULT_TEST_PERIOD_DAYS}); other plans keep the default, unused. {@code monthlyDataMb}, when known, is the data a
 * card may use in a month before the operator stops it (1 to {@value #MAX_MONTHLY_DATA_MB} MB): the platform warns
 * before that happens (docs/notifications.md).
 */
public record NewServicePlan(
        String code,
        String name,
        boolean dataDirectional,
        ServiceDirection voice,
        ServiceDirection sms,
        boolean testPackage,
        boolean imeiBinding,
        int testPeriodDays,
        Integer monthlyDataMb) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");

    /** How long a test package's test period lasts unless the plan says otherwise (domain-rules leave it open). */
    public static final int DEFAULT_TEST_PERIOD_DAYS = 90;

    static final int MAX_TEST_PERIOD_DAYS = 365;

    static final int MAX_MONTHLY_DATA_MB = 100_000_000;

    /** A plan with the default test period. */
    public NewServicePlan(
            String code,
            String name,
            boolean dataDirectional,
            ServiceDirection voice,
            ServiceDirection sms,
            boolean testPackage,
            boolean imeiBinding) {
        this(code, name, dataDirectional, voice, sms, testPackage, imeiBinding, DEFAULT_TEST_PERIOD_DAYS);
    }

    /** A plan whose monthly data allowance is not known here. */
    public NewServicePlan(
            String code,
            String name,
            boolean dataDirectional,
            ServiceDirection voice,
            ServiceDirection sms,
            boolean testPackage,
            boolean imeiBinding,
            int testPeriodDays) {
        this(code, name, dataDirectional, voice, sms, testPackage, imeiBinding, testPeriodDays, null);
    }

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
        if (testPeriodDays < 1 || testPeriodDays > MAX_TEST_PERIOD_DAYS) {
            problems.add(new FieldProblem(
                    "testPeriodDays",
                    ErrorCode.VALIDATION_FAILED,
                    "catalogue.plan.testPeriodDays",
                    1,
                    MAX_TEST_PERIOD_DAYS));
        }
        if (monthlyDataMb != null && (monthlyDataMb < 1 || monthlyDataMb > MAX_MONTHLY_DATA_MB)) {
            problems.add(new FieldProblem(
                    "monthlyDataMb",
                    ErrorCode.VALIDATION_FAILED,
                    "catalogue.plan.monthlyDataMb",
                    1,
                    MAX_MONTHLY_DATA_MB));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
