package com.realsim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A write that lost a race to another request on the same record (an optimistic lock's version check) is a conflict
 * the caller can retry, not a server error: the 60 s mixed load saw a binding answered 500 INTERNAL_ERROR for it.
 */
class ChangedMeanwhileTest {

    @Test
    void aLostRaceAnswers409WithItsCodeAndAMessageInBothLanguages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/platform");
        messages.setDefaultEncoding("UTF-8");
        ApiErrorAdvice advice = new ApiErrorAdvice(new Problems(messages));
        ObjectOptimisticLockingFailureException lost =
                new ObjectOptimisticLockingFailureException("com.realsim.card.domain.Card", 42L);

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ResponseEntity<ProblemDetail> english = advice.changedMeanwhile(lost);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        ResponseEntity<ProblemDetail> chinese = advice.changedMeanwhile(lost);
        LocaleContextHolder.resetLocaleContext();

        assertThat(english.getStatusCode().value()).isEqualTo(409);
        assertThat(english.getBody().getProperties()).containsEntry("code", "CHANGED_MEANWHILE");
        assertThat(english.getBody().getDetail()).contains("nothing was saved");
        assertThat(chinese.getBody().getDetail()).contains("未保存");
    }
}
