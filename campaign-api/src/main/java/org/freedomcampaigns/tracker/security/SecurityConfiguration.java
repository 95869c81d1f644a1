package org.freedomcampaigns.tracker.security;

import java.time.Clock;

import org.freedomcampaigns.tracker.security.AccessRules.Rule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access control: one rule per endpoint ({@link AccessRules}), no sessions (every request carries its credentials),
 * problems for 401 and 403, and security headers on every response. {@code /actuator/health} is the one thing open
 * to all. Credentials are HTTP Basic against the configured users or, once {@code campaign.security.oidc.issuer-uri}
 * is set, JWT bearer tokens of that provider (and then neither configured users nor a generated admin exist).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {
    private static final String NO_ISSUER = "'${campaign.security.oidc.issuer-uri:}'.isBlank()";
    private static final String ISSUER = "!" + NO_ISSUER;

    @Bean
    @ConditionalOnExpression(NO_ISSUER)
    ConfiguredUsers configuredUsers(SecurityProperties properties) {
        return new ConfiguredUsers(properties);
    }

    @Bean
    @ConditionalOnExpression(NO_ISSUER)
    AuthenticationProvider campaignUsers(ConfiguredUsers users, Clock clock) {
        return new CachedCredentialsProvider(users, clock);
    }

    /** The provider's keys are fetched on the first token, so the service starts while the provider is down. */
    @Bean
    @ConditionalOnExpression(ISSUER)
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        String issuer = properties.getOidc().getIssuerUri().strip();
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties,
                            ObjectProvider<AuthenticationProvider> campaignUsers, ObjectMapper json,
                            Environment environment) throws Exception {
        String issuer = properties.getOidc().getIssuerUri();
        boolean tokens = issuer != null && !issuer.isBlank();
        ProblemResponses problems = new ProblemResponses(json, tokens ? "Bearer"
                : "Basic realm=\"" + ProblemResponses.REALM + "\", charset=\"UTF-8\"");
        if (tokens) {
            if (environment.getProperty("campaign.demo.enabled", Boolean.class, false)) {
                throw new IllegalStateException("campaign.demo.enabled cannot be used together with a production "
                                                        + "identity provider (campaign.security.oidc.issuer-uri)");
            }
            http.oauth2ResourceServer(bearer -> bearer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenUsers(properties.getOidc()))));
        } else {
            http.authenticationProvider(campaignUsers.getObject())
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems));
        }
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .exceptionHandling(failures -> failures.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
            .authorizeHttpRequests(requests -> {
                requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                requests.requestMatchers("/error").permitAll();
                for (Rule rule : AccessRules.RULES) {
                    requests.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.roleNames());
                }
                requests.anyRequest().authenticated();
            });
        return http.build();
    }
}
