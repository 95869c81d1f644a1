package org.freedomcampaigns.tracker.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.freedomcampaigns.tracker.facts.CaseId;
import org.freedomcampaigns.tracker.facts.FactRecorded;
import org.freedomcampaigns.tracker.eventstore.RecordedRequest;
import org.freedomcampaigns.tracker.eventstore.StoredEvent;
import org.freedomcampaigns.tracker.eventstore.MongoEventStore;
import org.freedomcampaigns.tracker.facts.RuleViolation;
import org.freedomcampaigns.tracker.facts.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Optimistic-concurrency conflicts are retried a bounded number of times; other failures are not, unless the request
 * carries an idempotency key whose original was recorded meanwhile.
 */
class CommandsTest {
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final MongoEventStore store = mock(MongoEventStore.class);
    private final Serializer serializer = mock(Serializer.class);
    private final Commands commands = new Commands(gateway, new Idempotency(new ObjectMapper()), store, serializer,
                                                   3);

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

    @Test
    void a_keyed_request_refused_because_its_original_was_recorded_meanwhile_gets_the_original_answer() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases/c-1/clemency");
        request.addHeader(Idempotency.HEADER, "k-1");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            Idempotency.Key key = new Idempotency(new ObjectMapper()).current().orElseThrow();
            StoredEvent granted = new StoredEvent("c-1", 4, 40, "e-4", "2026-11-22T00:00:00Z", "ClemencyGranted", "1",
                                                  "{}", "{}", "hash");
            // not recorded when the retry looked; recorded by the original by the time the retry was refused
            when(store.recordedRequest(key.id()))
                    .thenReturn(Optional.empty())
                    .thenReturn(Optional.of(new RecordedRequest(key.id(), "Case", "c-1", List.of(granted))));
            when(serializer.deserialize(any())).thenReturn(
                    MetaData.with(EventMetadata.REQUEST_FINGERPRINT, key.fingerprint()));
            when(gateway.sendAndWait(any())).thenThrow(
                    new RuleViolationException(RuleViolation.CLEMENCY_ALREADY_GRANTED, "granted"));

            FactRecorded answer = commands.send("command");

            assertThat(answer).isEqualTo(new FactRecorded(new CaseId("c-1"), 4));
            verify(gateway, times(1)).sendAndWait(any());
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
