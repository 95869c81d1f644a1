package org.freedomcampaigns.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Measured figures by setup and key, and notes (failures, checks) to print with them. */
final class Results {
    private final Map<Setup, Map<String, Object>> values = new EnumMap<>(Setup.class);
    private final Map<Setup, List<String>> notes = new EnumMap<>(Setup.class);
    private final List<Setup> ran = new ArrayList<>();

    synchronized void ran(Setup setup) {
        if (!ran.contains(setup)) {
            ran.add(setup);
        }
    }

    synchronized List<Setup> ran() {
        return List.copyOf(ran);
    }

    synchronized void put(Setup setup, String key, Object value) {
        values.computeIfAbsent(setup, s -> new LinkedHashMap<>()).put(key, value);
    }

    synchronized Double num(Setup setup, String key) {
        Object value = values.getOrDefault(setup, Map.of()).get(key);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    synchronized String str(Setup setup, String key) {
        Object value = values.getOrDefault(setup, Map.of()).get(key);
        return value == null ? null : value.toString();
    }

    synchronized void note(Setup setup, String text) {
        notes.computeIfAbsent(setup, s -> new ArrayList<>()).add(text);
    }

    synchronized List<String> notes(Setup setup) {
        return List.copyOf(notes.getOrDefault(setup, List.of()));
    }

    synchronized Map<String, Object> all(Setup setup) {
        return new LinkedHashMap<>(values.getOrDefault(setup, Map.of()));
    }
}
