package org.freedomcampaigns.tracker.http;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Strict request JSON: a number where text is expected, or text where a boolean or number is expected, is a 400
 * naming the field rather than a silent conversion.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictScalars() {
        return builder -> builder.featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                                 .postConfigurer(mapper -> {
                                     var textual = mapper.coercionConfigFor(LogicalType.Textual);
                                     textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                                     textual.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                                     textual.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                                 });
    }
}
