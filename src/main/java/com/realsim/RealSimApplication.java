package com.realsim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** RealSIM: real-name registration of IoT cards for agents, operator staff and enterprise customers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "RealSIM", sharedModules = "platform")
public class RealSimApplication {

    public static void main(String[] args) {
        SpringApplication.run(RealSimApplication.class, args);
    }
}
