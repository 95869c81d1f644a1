package org.freedomcampaigns.tracker.facts;

/**
 * Size limits on recorded text, shared by the domain and the REST layer so that both reject the same input.
 *
 * <p>Never lower a limit: value objects check these when stored events are read back, so events recorded under a
 * higher limit must still load.
 */
public final class Limits {
    /** Names of people, facilities, offices, organisations. */
    public static final int NAME = 200;
    /** Short labels: jurisdictions, inmate numbers, relationships. */
    public static final int LABEL = 100;
    /** One-line descriptions: a sentence, an offense, an ask, a reason. */
    public static final int LINE = 1_000;
    /** Free text: letter summaries, visit notes, case notes. */
    public static final int TEXT = 10_000;
    /** Visitors named on one prison visit. */
    public static final int VISITORS = 50;

    private Limits() {
    }
}
