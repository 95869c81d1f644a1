package org.freedomcampaigns.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The campaign tracker service: REST API over an event-sourced store of campaigns and case files. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CampaignTrackerApplication {
    public static void main(String[] args) {
        SpringApplication.run(CampaignTrackerApplication.class, args);
    }
}
