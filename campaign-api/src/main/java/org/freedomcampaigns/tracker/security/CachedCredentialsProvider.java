package org.freedomcampaigns.tracker.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks HTTP Basic credentials against the configured users. A bcrypt check takes tens of milliseconds by design,
 * and Basic sends the password with every request, so a successful check is remembered for
 * {@value #REMEMBER_SECONDS} seconds — as a keyed hash (HMAC with a key made at start-up), never the password. A
 * wrong password is always checked the slow way; an unknown user is checked against a real hash, so that the time
 * taken does not tell which names exist.
 */
final class CachedCredentialsProvider implements AuthenticationProvider {
    static final long REMEMBER_SECONDS = 600;
    private static final int MAX_REMEMBERED = 10_000;

    private final ConfiguredUsers users;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    CachedCredentialsProvider(ConfiguredUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        CampaignUser user = users.find(name).orElse(null);
        if (user == null) {
            users.encoder().matches(password, users.decoyHash());
            throw new BadCredentialsException("bad credentials");
        }
        String fingerprint = fingerprint(name, password, user.passwordHash());
        long now = clock.millis();
        Long until = verifiedUntil.get(fingerprint);
        if (until == null || until < now) {
            if (!users.matches(user, password)) {
                throw new BadCredentialsException("bad credentials");
            }
            if (verifiedUntil.size() >= MAX_REMEMBERED) {
                verifiedUntil.clear();
            }
            verifiedUntil.put(fingerprint, now + REMEMBER_SECONDS * 1000);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private String fingerprint(String name, String password, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(hash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
