package com.realsim.document;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    /**
     * The store of {@code realsim.documents.store}: {@code database} (the default with an external database, whose
     * instances share nothing else) or {@code filesystem} (the default of the embedded setup: files under
     * {@code realsim.documents.directory}), unless another store is a bean.
     */
    @Bean
    @ConditionalOnMissingBean(DocumentStore.class)
    DocumentStore documentStore(DocumentProperties properties, Environment environment, JdbcTemplate jdbc) {
        String store = StringUtils.hasText(properties.store())
                ? properties.store()
                : StringUtils.hasText(environment.getProperty("spring.datasource.url")) ? "database" : "filesystem";
        return switch (store) {
            case "database" -> new DatabaseDocumentStore(jdbc);
            case "filesystem" -> new FileSystemDocumentStore(properties.directory());
            default ->
                throw new IllegalStateException(
                        "realsim.documents.store is '" + store + "': it is database or filesystem");
        };
    }
}
