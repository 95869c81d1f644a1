package org.freedomcampaigns.tracker.security;

import java.time.Clock;

import org.freedomcampaigns.tracker.security.AccessRules.Rule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access control: HTTP Basic against the configured users, one rule per endpoint ({@link AccessRules}), no sessions
 * (every request carries its credentials), problems for 401 and 403, and security headers on every response.
 * {@code /actuator/health} is the one thing open to all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    ConfiguredUsers configuredUsers(SecurityProperties properties) {
        return new ConfiguredUsers(properties);
    }

    @Bean
    AuthenticationProvider campaignUsers(ConfiguredUsers users, Clock clock) {
        return new CachedCredentialsProvider(users, clock);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationProvider campaignUsers, ObjectMapper json)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .authenticationProvider(campaignUsers)
            .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
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
