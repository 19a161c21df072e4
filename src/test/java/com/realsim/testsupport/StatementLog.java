package com.realsim.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every JDBC statement the application sends, with the thread that sent it: the connections of the application's
 * {@link DataSource} wrapped by datasource-proxy, so that JPA, {@code JdbcClient} and libraries (Bucket4j) are all counted, unlike
 * Hibernate's statistics, which see only Hibernate's own. A batch counts once. Import {@link Installed} into a test's
 * context and autowire this.
 */
public final class StatementLog implements QueryExecutionListener {

    /** One statement (the first of a batch) and the thread that sent it. */
    public record Sent(String thread, String sql) {}

    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();

    public void clear() {
        sent.clear();
    }

    /** What this thread sent since the last {@link #clear()} (a MockMvc request runs on the test's thread). */
    public List<String> onThisThread() {
        String thread = Thread.currentThread().getName();
        return sent.stream()
                .filter(s -> s.thread().equals(thread))
                .map(Sent::sql)
                .toList();
    }

    /** What any thread sent since the last {@link #clear()} that matches. */
    public List<Sent> matching(Predicate<Sent> condition) {
        return sent.stream().filter(condition).toList();
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // counted once it ran
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        String sql = queries.isEmpty() ? "" : queries.get(0).getQuery();
        sent.add(new Sent(Thread.currentThread().getName(), sql));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Installed {

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }

        /**
         * The pool stays the application's {@link HikariDataSource} (Flyway derives its owner's connection from it);
         * its physical connections come from datasource-proxy around PostgreSQL's driver, so every statement sent on
         * them is logged.
         */
        @Bean
        static BeanPostProcessor statementLogDataSource(StatementLog log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof HikariDataSource pool && pool.getDataSource() == null) {
                        PGSimpleDataSource driver = new PGSimpleDataSource();
                        driver.setUrl(pool.getJdbcUrl());
                        pool.setDataSource(ProxyDataSourceBuilder.create(name, driver)
                                .listener(log)
                                .build());
                    }
                    return bean;
                }
            };
        }
    }
}
