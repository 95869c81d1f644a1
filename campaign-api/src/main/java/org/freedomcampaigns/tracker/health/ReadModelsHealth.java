package org.freedomcampaigns.tracker.health;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.freedomcampaigns.tracker.application.ReadModels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code readModels} in {@code /actuator/health}: each read model's processor with its position, the head of the
 * store and the lag. Down when a processor has failed, is not running, or is behind and has not moved for
 * {@code campaign.health.stuck-after} (60 s by default). A rebuild in progress is up: it is moving. A read model
 * another instance on the same store processes at the moment is up here, with no lag of this instance's own. Parked
 * events (dead letters) are shown, and leave it up: every case but theirs keeps flowing.
 */
@Component("readModelsHealthIndicator")
public class ReadModelsHealth implements HealthIndicator {
    private final ReadModels readModels;
    private final Clock clock;
    private final Duration stuckAfter;
    private final Map<String, Progress> lastSeen = new ConcurrentHashMap<>();

    private record Progress(Long position, long sinceMillis) {
    }

    public ReadModelsHealth(ReadModels readModels, Clock clock,
                            @Value("${campaign.health.stuck-after:60s}") Duration stuckAfter) {
        this.readModels = readModels;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    @Override
    public Health health() {
        long now = clock.millis();
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ReadModels.Status status : readModels.statuses()) {
            Progress seen = lastSeen.compute(status.name(), (name, previous) ->
                    previous != null && Objects.equals(previous.position(), status.position())
                            ? previous : new Progress(status.position(), now));
            boolean stuck = status.lag() > 0 && now - seen.sinceMillis() >= stuckAfter.toMillis();
            String problem = status.error() ? "failed" : !status.running() ? "not running" : stuck ? "stuck" : null;
            up &= problem == null;
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("status", problem == null ? "UP" : "DOWN");
            if (problem != null) {
                model.put("problem", problem);
            }
            model.put("position", status.position());
            model.put("head", status.head());
            model.put("lag", status.lag());
            model.put("rebuilding", status.rebuilding());
            model.put("processedHere", status.processedHere());
            model.put("parked", status.parked());
            details.put(status.name(), model);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
