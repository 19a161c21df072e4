package com.realsim.risk.channels;

import com.realsim.platform.Role;
import com.realsim.platform.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChannelsNavigation {

    @Bean
    NavigationItem agentFiguresNavigation() {
        return new NavigationItem("nav.agentFigures", ChannelFiguresController.PATH, Set.of(Role.OPS, Role.ADMIN), 720);
    }
}
