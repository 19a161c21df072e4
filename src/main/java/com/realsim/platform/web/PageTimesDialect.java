package com.realsim.platform.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Offers {@link PageTimes} to every template as {@code #times}: {@code ${#times.format(order.createdAt)}}. Spring
 * Boot adds every dialect bean to the template engine.
 */
@Component
class PageTimesDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "times";

    private final PageTimes times;

    PageTimesDialect(PageTimes times) {
        super("realsim-times");
        this.times = times;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? times : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
