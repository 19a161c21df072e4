package com.realsim.platform.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.util.ClassUtils;

/**
 * An answer of the Partner API that shows a view as it is: each field of the answer record is the value of the view's
 * accessor of the same name (a record component such as {@code CardSummary.iccid()}, or a derived method such as
 * {@code Findings.concerns()}). The answer record still says what the contract shows (its fields, their order, what
 * it leaves out of the view); only the copying is written once. An answer that renames, computes or nests a field is
 * built by hand. A field the view has no accessor for, or one of another type, fails on the first answer (and in the
 * module's API tests), naming the field.
 */
public final class Projection {

    private record Plan(Method[] accessors, Constructor<?> constructor) {}

    private static final Map<List<Class<?>>, Plan> PLANS = new ConcurrentHashMap<>();

    private Projection() {}

    /** The answer of type {@code answer} with the values of {@code view}'s same-named accessors; null for null. */
    public static <T extends Record> T of(Object view, Class<T> answer) {
        if (view == null) {
            return null;
        }
        Plan plan = PLANS.computeIfAbsent(List.of(view.getClass(), answer), key -> plan(view.getClass(), answer));
        Object[] values = new Object[plan.accessors().length];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = plan.accessors()[i].invoke(view);
            }
            return answer.cast(plan.constructor().newInstance(values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot answer " + answer.getSimpleName(), e);
        }
    }

    private static Plan plan(Class<?> view, Class<? extends Record> answer) {
        RecordComponent[] fields = answer.getRecordComponents();
        Method[] accessors = new Method[fields.length];
        for (int i = 0; i < fields.length; i++) {
            RecordComponent field = fields[i];
            Method accessor;
            try {
                accessor = view.getMethod(field.getName());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(
                        view.getSimpleName() + " has no " + field.getName() + "() for " + answer.getSimpleName(), e);
            }
            if (!ClassUtils.resolvePrimitiveIfNecessary(field.getType())
                    .isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(accessor.getReturnType()))) {
                throw new IllegalStateException(view.getSimpleName() + "." + field.getName() + "() answers "
                        + accessor.getReturnType().getSimpleName() + ", " + answer.getSimpleName() + "."
                        + field.getName() + " is " + field.getType().getSimpleName());
            }
            accessor.setAccessible(true);
            accessors[i] = accessor;
        }
        try {
            Constructor<?> constructor = answer.getDeclaredConstructor(
                    Arrays.stream(fields).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return new Plan(accessors, constructor);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
