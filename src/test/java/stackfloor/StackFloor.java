package stackfloor;

import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor of this stack on this machine: the least any Partner API call can cost. A bare Spring Boot application
 * with only what every call needs — Tomcat, Spring MVC, Jackson, HikariCP and {@link JdbcClient} — answering
 * {@code GET /floor/{id}} with one primary-key {@code SELECT} of {@code pgbench_accounts} as JSON. No security, no
 * transaction, no JPA, no tenant scope: a card read does all this and more, so it cannot be faster than this floor.
 * Started in the benchmark's JVM, against the same PostgreSQL server, for {@code CardReadBenchmark}. Outside
 * {@code com.realsim}, so that the application's component scan does not pick it up.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class
})
@RestController
public class StackFloor {

    private final JdbcClient jdbc;

    StackFloor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/floor/{id}")
    Map<String, Object> account(@PathVariable long id) {
        return jdbc.sql("SELECT aid, bid, abalance FROM pgbench_accounts WHERE aid = ?")
                .param(id)
                .query()
                .singleRow();
    }

    /** Starts the floor on a free port against this database (no application.yml of RealSIM's is read). */
    public static ConfigurableApplicationContext start(String jdbcUrl, String user, String password) {
        return new SpringApplicationBuilder(StackFloor.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "spring.config.name=stack-floor",
                        "spring.main.banner-mode=off",
                        "server.port=0",
                        "spring.datasource.url=" + jdbcUrl,
                        "spring.datasource.username=" + user,
                        "spring.datasource.password=" + password,
                        "spring.datasource.hikari.maximum-pool-size=10")
                .run();
    }

    public static int port(ConfigurableApplicationContext floor) {
        return ((WebServerApplicationContext) floor).getWebServer().getPort();
    }
}
