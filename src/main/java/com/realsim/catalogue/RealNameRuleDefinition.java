package com.realsim.catalogue;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The content of a real-name rule. Match fields that are null match anything. A rule that requires the end user
 * names how the requirement can be waived (provincial or group approval, or not at all); one that does not require
 * it has nothing to waive.
 */
public record RealNameRuleDefinition(
        int priority,
        String code,
        String msisdnPrefix,
        Boolean testPackage,
        Boolean dataDirectional,
        ServiceDirection voiceSms,
        boolean endUserRequired,
        ExceptionKind exceptionKind) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_]{1,59}");
    static final Pattern PREFIX = Pattern.compile("[0-9]{1,13}");
    static final int MAX_PRIORITY = 100_000;

    public RealNameRuleDefinition {
        code = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        msisdnPrefix = msisdnPrefix == null || msisdnPrefix.isBlank() ? null : msisdnPrefix.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (priority < 1 || priority > MAX_PRIORITY) {
            problems.add(new FieldProblem(
                    "priority", ErrorCode.VALIDATION_FAILED, "catalogue.rule.priority.range", MAX_PRIORITY));
        }
        if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", ErrorCode.VALIDATION_FAILED, "catalogue.rule.code.format"));
        }
        if (msisdnPrefix != null && !PREFIX.matcher(msisdnPrefix).matches()) {
            problems.add(new FieldProblem("msisdnPrefix", ErrorCode.VALIDATION_FAILED, "catalogue.rule.prefix.format"));
        }
        if (exceptionKind == null) {
            problems.add(new FieldProblem("exceptionKind", ErrorCode.VALIDATION_FAILED, "validation.required"));
        } else if (endUserRequired == (exceptionKind == ExceptionKind.NONE_NEEDED)) {
            problems.add(new FieldProblem(
                    "exceptionKind",
                    ErrorCode.VALIDATION_FAILED,
                    endUserRequired ? "catalogue.rule.exception.needed" : "catalogue.rule.exception.nothingToWaive"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /**
     * Whether the rule's plan columns (test package, data direction, the wider of voice and SMS) fit the plan; the
     * number prefix is the other half of a match ({@link #msisdnPrefix()}). The card module asks which cards an edit
     * can touch: those either form of the rule matches.
     */
    public boolean matchesPlan(ServicePlanSummary plan) {
        return (testPackage == null || testPackage == plan.testPackage())
                && (dataDirectional == null || dataDirectional == plan.dataDirectional())
                && (voiceSms == null || voiceSms == plan.voiceOrSms());
    }
}
