package com.realsim.catalogue;

import com.realsim.catalogue.domain.OperatorSetting;
import com.realsim.catalogue.domain.OperatorSettings;
import com.realsim.platform.Actor;
import java.time.Clock;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Operators and their one-ID-N-cards limits. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OperatorService {

    private final OperatorSettings settings;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<OperatorQuotaSetting> quotas() {
        return settings.findAllByOrderByOperatorAsc().stream()
                .map(OperatorSetting::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public OperatorQuotaSetting quota(Operator operator) {
        return settings.findById(operator).orElseThrow().view();
    }

    /**
     * How long each operator's silent period (沉默期) lasts: a card waiting for activation for this long is switched on
     * (ACTIVE when its real-name is complete, otherwise stopped with {@code UNVERIFIED}).
     */
    @Transactional(readOnly = true)
    public Map<Operator, Period> silentPeriods() {
        Map<Operator, Period> periods = new EnumMap<>(Operator.class);
        settings.findAllByOrderByOperatorAsc()
                .forEach(setting -> periods.put(setting.operator(), Period.ofDays(setting.silentPeriodDays())));
        return periods;
    }

    /** Sets the operator's silent period (1 to 365 days); cards already waiting are switched on by the new one. */
    @Transactional
    public OperatorQuotaSetting setSilentPeriod(Operator operator, int days, Actor actor) {
        OperatorSetting setting = settings.findById(operator).orElseThrow();
        setting.changeSilentPeriod(days, actor, clock.instant());
        return settings.save(setting).view();
    }

    /** Sets the limit; identities above a lowered limit keep their cards but can take no more until below it. */
    @Transactional
    public OperatorQuotaSetting setQuota(Operator operator, int maxCardsPerId, Actor actor) {
        OperatorSetting setting = settings.findById(operator).orElseThrow();
        setting.changeLimit(maxCardsPerId, actor, clock.instant());
        return settings.save(setting).view();
    }
}
