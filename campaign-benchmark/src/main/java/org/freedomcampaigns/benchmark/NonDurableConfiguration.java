package org.freedomcampaigns.benchmark;

import org.freedomcampaigns.tracker.storage.StoreCommitter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Added to the service only for the {@code h2-nodurable} setup: replaces the store committer (the H2 backend's
 * {@code commit()}, which the event store calls once per group of appends before acknowledging them) by a no-op, so
 * the same engine on the same backend answers before its writes reach the file. That is the non-durable rate the
 * durable one is compared with. (The service has no switch for this; see the report's "hooks".)
 */
@Configuration(proxyBeanMethods = false)
public class NonDurableConfiguration {

    @Bean
    static BeanPostProcessor nonDurableStoreCommitter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof StoreCommitter ? StoreCommitter.NONE : bean;
            }
        };
    }
}
