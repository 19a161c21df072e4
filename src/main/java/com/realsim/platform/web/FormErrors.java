package com.realsim.platform.web;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.review.DecisionReason;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Shows a domain refusal on the form it came from: next to its fields, or above the form when it names none. */
public final class FormErrors {

    private FormErrors() {}

    /**
     * Rethrows a refusal that no form should swallow: another tenant's record (404) or a role that may not act (403)
     * answer as everywhere else. Call it first in a page controller's {@code catch (DomainException e)}.
     */
    public static void rethrowUnlessForTheUser(DomainException refusal) {
        if (refusal.code() == ErrorCode.NOT_FOUND || refusal.code() == ErrorCode.FORBIDDEN) {
            throw refusal;
        }
    }

    /**
     * Shows a refusal as the message of the page a post-redirect-get leads to ({@code flashError} in the layout);
     * 404 and 403 answer as everywhere else.
     */
    public static void flash(DomainException refusal, RedirectAttributes redirect) {
        rethrowUnlessForTheUser(refusal);
        redirect.addFlashAttribute("flashError", refusal.messageKey());
        redirect.addFlashAttribute("flashArgs", refusal.messageArguments());
    }

    /**
     * Runs a page's action for a post-redirect-get: flashes {@code successKey} when it succeeds, the refusal ({@link
     * #flash}) when the domain says no; 404 and 403 answer as everywhere else.
     *
     * @return whether the action succeeded, for the controller to choose where to redirect
     */
    public static boolean attempt(RedirectAttributes redirect, String successKey, Runnable action) {
        return attempt(redirect, successKey, action, refusal -> flash(refusal, redirect));
    }

    /**
     * As {@link #attempt(RedirectAttributes, String, Runnable)}, with the page's own way of showing a refusal ({@code
     * onRefusal} may rethrow to answer with the error page); 404 and 403 are rethrown before it is asked.
     */
    public static boolean attempt(
            RedirectAttributes redirect, String successKey, Runnable action, Consumer<DomainException> onRefusal) {
        Optional<Boolean> done = attempt(
                () -> {
                    action.run();
                    return Boolean.TRUE;
                },
                onRefusal);
        done.ifPresent(ok -> redirect.addFlashAttribute("flashSuccess", successKey));
        return done.isPresent();
    }

    /**
     * Runs a page's action whose success the page words itself (from what the action answers): the answer, or empty
     * once the refusal is flashed ({@link #flash}); 404 and 403 answer as everywhere else.
     */
    public static <T> Optional<T> attempt(RedirectAttributes redirect, Supplier<T> action) {
        return attempt(action, refusal -> flash(refusal, redirect));
    }

    /**
     * Runs a form's action: its answer, or empty once the refusal is shown on the form ({@link #show}), for the
     * controller to render the form again; 404 and 403 answer as everywhere else.
     */
    public static <T> Optional<T> attempt(BindingResult form, Supplier<T> action) {
        return attempt(action, refusal -> show(refusal, form));
    }

    /**
     * Runs a validated form's action ({@code @Valid}) only when the form passed its checks: its answer, or empty when
     * the checks or the domain refused it (shown on the form), for the controller to render the form again.
     */
    public static <T> Optional<T> attemptValid(BindingResult form, Supplier<T> action) {
        return form.hasErrors() ? Optional.empty() : attempt(form, action);
    }

    /** The redirect after a form's action succeeded, with {@code successKey} and its arguments flashed for the page. */
    public static String succeeded(RedirectAttributes redirect, String target, String successKey, Object... arguments) {
        redirect.addFlashAttribute("flashSuccess", successKey);
        redirect.addFlashAttribute("flashArgs", arguments);
        return "redirect:" + target;
    }

    private static <T> Optional<T> attempt(Supplier<T> action, Consumer<DomainException> onRefusal) {
        T answer;
        try {
            answer = action.get();
        } catch (DomainException refusal) {
            rethrowUnlessForTheUser(refusal);
            onRefusal.accept(refusal);
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    /**
     * How a review page shows a refused decision ({@code onRefusal} of {@link #attempt}): a problem with the decision's
     * reason as {@code reasonKey} (the page's "give a reason"), another field's problem by its own message, any other
     * refusal as {@link #flash} does.
     */
    public static Consumer<DomainException> flashDecision(RedirectAttributes redirect, String reasonKey) {
        return refusal -> {
            if (refusal.fieldProblems().isEmpty()) {
                flash(refusal, redirect);
                return;
            }
            FieldProblem problem = refusal.fieldProblems().get(0);
            if (problem.field().equals(DecisionReason.FIELD)) {
                redirect.addFlashAttribute("flashError", reasonKey);
                return;
            }
            redirect.addFlashAttribute("flashError", problem.messageKey());
            redirect.addFlashAttribute("flashArgs", problem.arguments());
        };
    }

    public static void show(DomainException refusal, BindingResult form) {
        rethrowUnlessForTheUser(refusal);
        if (refusal.fieldProblems().isEmpty()) {
            form.reject(
                    refusal.messageKey(),
                    refusal.messageArguments(),
                    refusal.code().name());
            return;
        }
        for (FieldProblem problem : refusal.fieldProblems()) {
            if (form.getFieldType(problem.field()) != null || hasProperty(form, problem.field())) {
                form.rejectValue(
                        problem.field(),
                        problem.messageKey(),
                        problem.arguments(),
                        problem.code().name());
            } else {
                form.reject(
                        problem.messageKey(),
                        problem.arguments(),
                        problem.code().name());
            }
        }
    }

    private static boolean hasProperty(BindingResult form, String field) {
        try {
            form.getFieldValue(field);
            return true;
        } catch (RuntimeException notAField) {
            return false;
        }
    }
}
