package org.mutuality;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Mutuality: software for mental-health peer-support organisations. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Mutuality", sharedModules = "shared")
public class MutualityApplication {

    public static void main(String[] args) {
        SpringApplication.run(MutualityApplication.class, args);
    }
}
