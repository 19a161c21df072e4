package com.realsim.platform.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link RolesBeforeBinding} for every handler, pages and Partner API alike. */
@Configuration(proxyBeanMethods = false)
class RolesBeforeBindingConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RolesBeforeBinding());
    }
}
