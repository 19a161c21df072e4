package com.realsim.document;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    /** The default store: files under {@code realsim.documents.directory}, unless another store is configured. */
    @Bean
    @ConditionalOnMissingBean(DocumentStore.class)
    DocumentStore fileSystemDocumentStore(DocumentProperties properties) {
        return new FileSystemDocumentStore(properties.directory());
    }
}
