package com.realsim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** RealSIM: real-name registration of IoT cards for agents, operator staff and enterprise customers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "RealSIM", sharedModules = "platform")
public class RealSimApplication {

    public static void main(String[] args) {
        SpringApplication.run(RealSimApplication.class, args);
    }
}
