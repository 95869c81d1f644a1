package org.freedomcampaigns.tracker.facts;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.freedomcampaigns.tracker.facts.CampaignEvent.CampaignLaunched;

/**
 * The names events are stored under, so that stored history never depends on what a Java class is called or where
 * it lives. Case events take their kind's {@link FactKind#wireName()}.
 */
public final class StoredNames {
    private StoredNames() {
    }

    /** The type of the case aggregate, stored with each of its events (and its snapshots' name). */
    public static final String CASE = "Case";
    /** The type of the campaign aggregate, stored with each of its events (and its snapshots' name). */
    public static final String CAMPAIGN = "Campaign";

    /** Every event type, by the name it is stored under from now on. */
    public static final Map<String, Class<?>> EVENTS = events();

    /**
     * The names the first releases stored events under: their Java class names then, when the events lived in the
     * package {@code org.freedomcampaigns.tracker.api}. Written out here because those classes have moved; stores
     * hold these names for ever.
     */
    public static final Map<String, Class<?>> EARLIER_EVENTS = earlierEvents();

    private static final String EARLIER_CASE_EVENT = "org.freedomcampaigns.tracker.api.CaseEvent$";

    private static Map<String, Class<?>> events() {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        names.put("CampaignLaunched", CampaignLaunched.class);
        Arrays.stream(FactKind.values()).forEach(kind -> names.put(kind.wireName(), kind.eventType()));
        return Map.copyOf(names);
    }

    private static Map<String, Class<?>> earlierEvents() {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        names.put("org.freedomcampaigns.tracker.api.CampaignEvent$CampaignLaunched", CampaignLaunched.class);
        // the first releases' class names were "CaseEvent$" and the simple name, which the wire names kept
        Arrays.stream(FactKind.values())
              .forEach(kind -> names.put(EARLIER_CASE_EVENT + kind.wireName(), kind.eventType()));
        return Map.copyOf(names);
    }
}
