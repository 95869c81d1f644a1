package org.freedomcampaigns.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.freedomcampaigns.tracker.api.RuleViolation;
import org.freedomcampaigns.tracker.api.RuleViolationException;
import org.junit.jupiter.api.Test;

/** Optimistic-concurrency conflicts are retried a bounded number of times; other failures are not. */
class CommandsTest {
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final Commands commands = new Commands(gateway, 3);

    @Test
    void a_lost_race_is_retried_on_fresh_state() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("stale"))
                                        .thenThrow(new ConcurrencyException("stale again"))
                                        .thenReturn("recorded");
        assertThat((String) commands.send("command")).isEqualTo("recorded");
        verify(gateway, times(3)).sendAndWait(any());
    }

    @Test
    void retries_are_bounded() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("stale"));
        assertThatThrownBy(() -> commands.send("command")).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(3)).sendAndWait(any());
    }

    @Test
    void a_broken_rule_is_not_retried() {
        when(gateway.sendAndWait(any())).thenThrow(new RuleViolationException(RuleViolation.CASE_CLOSED, "closed"));
        assertThatThrownBy(() -> commands.send("command")).isInstanceOf(RuleViolationException.class);
        verify(gateway, times(1)).sendAndWait(any());
    }
}
