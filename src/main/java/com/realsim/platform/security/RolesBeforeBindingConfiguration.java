package com.realsim.platform.security;

import com.realsim.platform.AgentQualifications;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers, for every handler, pages and Partner API alike: {@link RolesBeforeBinding}, then
 * {@link QualifiedAgentsOnly}.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class RolesBeforeBindingConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<AgentQualifications> agents;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RolesBeforeBinding());
        registry.addInterceptor(new QualifiedAgentsOnly(agents));
    }
}
