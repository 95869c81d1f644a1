package org.freedomcampaigns.benchmark;

import java.util.function.DoublePredicate;

/**
 * The goals the benchmark judges, in the order of the report's goals table: what each compares, its target as
 * printed, and the test each judged figure must pass. The rows measure the figures ({@link GoalTable}); the
 * thresholds live only here.
 */
enum Goal {
    // row 2: mean ms per command on the case with the largest history ÷ on a fresh case
    FLAT_LOADS_WARM("flat loads, warm aggregate cache: a fact on a case with {prior} prior events vs a fresh case "
                            + "(gateway, mean ms per command; verdict on the mean)", "≤ 1.5×",
                    ratio -> ratio <= 1.5),
    FLAT_LOADS_COLD("flat loads, cold aggregate cache: a fact on a case with {prior} prior events vs a fresh case "
                            + "(gateway, mean ms per command; verdict on the mean)", "≤ 1.5×",
                    ratio -> ratio <= 1.5),
    // row 3: rebuild events/s ÷ raw scan events/s
    REBUILD_ALL("rebuild of all read models vs raw driver scan of the stored events", "≥ 25%",
                share -> share >= 0.25),
    REBUILD_ONE("(same, one read model alone: the case summaries)", "≥ 25%", share -> share >= 0.25),
    // row 3: bytes of the largest stored token
    TOKEN_SIZE("tracking token stored per processor (largest of the four)", "< 200 bytes", bytes -> bytes < 200),
    // row 1, 8 clients: durable rate on H2 ÷ the non-durable rates (store commit off; raw insertOne), and ÷ the peer
    DURABLE_GATEWAY("durable appends, 8 clients, CommandGateway (H2) vs the non-durable rate", "≥ 0.5×",
                    ratio -> ratio >= 0.5),
    GATEWAY_VS_PEER("durable appends, 8 clients, CommandGateway: ours (H2) vs the peer (JDBC on H2, WRITE_DELAY=0)",
                    "> 1×", ratio -> ratio > 1),
    DURABLE_HTTP("durable appends, 8 clients, HTTP (H2) vs the non-durable rate", "≥ 0.5×", ratio -> ratio >= 0.5),
    HTTP_VS_PEER("durable appends, 8 clients, HTTP: ours (H2) vs the peer (JDBC on H2, WRITE_DELAY=0)", "> 1×",
                 ratio -> ratio > 1),
    DURABLE_WRITE_PATH("durable appends, 8 clients, CommandGateway with the read models paused (write path alone) "
                               + "(H2) vs the non-durable rate", "≥ 0.5×", ratio -> ratio >= 0.5),
    WRITE_PATH_VS_PEER("durable appends, 8 clients, CommandGateway with the read models paused (write path alone): "
                               + "ours (H2) vs the peer (JDBC on H2, WRITE_DELAY=0)", "> 1×", ratio -> ratio > 1);

    /** What is compared; {@code {prior}} stands for the largest prior history of row 2, which the plan sets. */
    private final String text;
    final String target;
    private final DoublePredicate met;

    Goal(String text, String target, DoublePredicate met) {
        this.text = text;
        this.target = target;
        this.met = met;
    }

    String text(Plan plan) {
        return text.replace("{prior}", String.format("%,d", plan.largestPrior()));
    }

    boolean met(double figure) {
        return met.test(figure);
    }
}
