package org.freedomcampaigns.tracker.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A configured user: name, password hash, roles and the campaigns they are assigned to. */
public record CampaignUser(String name, String passwordHash, Set<Role> roles, CampaignScope scope)
        implements UserDetails {

    public CampaignUser {
        roles = Set.copyOf(roles);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority()))
                                                        .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return name;
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "CampaignUser[" + name + ", " + roles + "]";
    }
}
