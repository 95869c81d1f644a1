package org.freedomcampaigns.benchmark;

import static org.freedomcampaigns.benchmark.Setup.H2;
import static org.freedomcampaigns.benchmark.Setup.MEMORY;
import static org.freedomcampaigns.benchmark.Setup.PEER;

import java.util.Locale;
import java.util.function.Function;

/**
 * The report's text as it is written, and how its figures are formatted: a missing figure (a row or setup that did
 * not run, or failed) shows as "—" rather than failing the report.
 */
final class Markdown {
    private final StringBuilder out = new StringBuilder();

    void line(String text) {
        out.append(text).append('\n');
    }

    /** A table row with one cell per setup compared in rows 3 to 5: ours on memory, ours on H2, the peer. */
    void setupRow(String name, Results r, String key, Function<Double, String> format) {
        line("| " + name + " | " + opt(r.num(MEMORY, key), format) + " | " + opt(r.num(H2, key), format) + " | "
                     + opt(r.num(PEER, key), format) + " |");
    }

    String text() {
        return out.toString();
    }

    /** The {@code key.p50} and {@code key.p99} latencies of a setup as one cell. */
    static String p50p99(Results r, Setup s, String key) {
        Double p50 = r.num(s, key + ".p50");
        return p50 == null ? "—" : f2(p50) + " / " + f2(r.num(s, key + ".p99"));
    }

    static String str(Results r, Setup s, String key) {
        String value = r.str(s, key);
        return value == null ? "—" : value;
    }

    static Double div(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }

    static Double diff(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }

    static String opt(Double value, Function<Double, String> format) {
        return value == null ? "—" : format.apply(value);
    }

    static String f0(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String f1(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%,.1f", value);
    }

    static String f2(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String x(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, ratio < 0.1 ? "%.3f×" : "%.2f×", ratio);
    }

    static String pct(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    static String pctRaw(Double percent) {
        return percent == null ? "—" : String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
