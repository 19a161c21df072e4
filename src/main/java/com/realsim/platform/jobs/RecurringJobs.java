package com.realsim.platform.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the {@link Recurring} methods of every bean and turns each into a db-scheduler recurring task, which
 * {@link ClusterScheduler} runs.
 */
class RecurringJobs implements BeanPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);

    private final List<RecurringTask<Void>> tasks = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> names = Collections.synchronizedSet(new HashSet<>());
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, Recurring> methods =
                MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<Recurring>)
                        method -> AnnotatedElementUtils.findMergedAnnotation(method, Recurring.class));
        methods.forEach((method, recurring) -> add(bean, beanName, method, recurring));
        return bean;
    }

    List<RecurringTask<Void>> tasks() {
        return List.copyOf(tasks);
    }

    private void add(Object bean, String beanName, Method method, Recurring recurring) {
        if (method.getParameterCount() != 0) {
            throw new IllegalStateException(
                    "@Recurring method " + beanName + "." + method.getName() + " must take no arguments");
        }
        if (!names.add(recurring.name())) {
            throw new IllegalStateException("Two @Recurring jobs are named " + recurring.name());
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        Schedule schedule = schedule(recurring, beanName + "." + method.getName());
        tasks.add(Tasks.recurring(recurring.name(), schedule).execute((instance, context) -> {
            long started = System.nanoTime();
            ReflectionUtils.invokeMethod(invocable, bean);
            log.debug("Recurring job {} ran in {} ms", recurring.name(), (System.nanoTime() - started) / 1_000_000);
        }));
    }

    private Schedule schedule(Recurring recurring, String where) {
        String cron = environment.resolveRequiredPlaceholders(recurring.cron());
        String delay = environment.resolveRequiredPlaceholders(recurring.fixedDelay());
        if (StringUtils.hasText(cron) == StringUtils.hasText(delay)) {
            throw new IllegalStateException("@Recurring " + where + " needs either cron or fixedDelay");
        }
        if (StringUtils.hasText(cron)) {
            return Schedules.cron(cron, ZoneId.of(recurring.zone()));
        }
        Duration every = DurationStyle.detectAndParse(delay);
        String initial = environment.resolveRequiredPlaceholders(recurring.initialDelay());
        Duration first = StringUtils.hasText(initial) ? DurationStyle.detectAndParse(initial) : Duration.ZERO;
        return new DelayedFirst(Schedules.fixedDelay(every), first);
    }

    /** A fixed delay whose first run, when the job is first registered, waits {@code first}. */
    private record DelayedFirst(Schedule every, Duration first) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
            return every.getNextExecutionTime(executionComplete);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(first);
        }

        @Override
        public boolean isDeterministic() {
            return every.isDeterministic();
        }
    }
}
