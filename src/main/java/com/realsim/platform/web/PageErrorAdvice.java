package com.realsim.platform.web;

import com.realsim.platform.CurrentActor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Domain refusals that a page controller did not turn into a form message itself: a friendly page with the rule's
 * text in the user's language. Unexpected errors go on to the 500 page.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
@RequiredArgsConstructor
class PageErrorAdvice {

    private final Problems problems;

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException e) {
        ModelAndView page = new ModelAndView("error/refused");
        // a refusal before the handler (a suspended agent's change) comes without the layout's attributes
        page.addObject("actor", CurrentActor.find().orElse(null));
        page.addObject("code", e.code().name());
        page.addObject("message", problems.text(e.messageKey(), e.messageArguments()));
        page.setStatus(e.code().status());
        return page;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView changedMeanwhile() {
        return refused(new DomainException(ErrorCode.CHANGED_MEANWHILE, ErrorCode.CHANGED_MEANWHILE.messageKey()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView("error/refused");
        page.addObject("code", "PAYLOAD_TOO_LARGE");
        page.addObject("message", problems.text("error.PAYLOAD_TOO_LARGE"));
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }
}
