package org.freedomcampaigns.benchmark;

import static org.freedomcampaigns.benchmark.Setup.H2;
import static org.freedomcampaigns.benchmark.Setup.MEMORY;
import static org.freedomcampaigns.benchmark.Setup.PEER;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Row 4, projection lag under load: 8 HTTP clients each post a letter, then read the case summary until it shows
 * the write; its section of the report.
 */
final class LagRow {
    static final String STEP = "row 4 lag";

    private final Session session;

    LagRow(Session session) {
        this.session = session;
    }

    /** {@code cases}: each of the 8 clients writes round-robin to its own {@code casesPerClient} of them. */
    void run(App app, List<String> cases) {
        int k = session.plan.casesPerClient();
        int per = session.plan.lagPerClient();
        long[][] posts = new long[8][per];
        long[][] extras = new long[8][per];
        int[][] gets = new int[8][per];
        Http http = new Http(app.port);
        Load.Run run = Load.run(8, per, (c, i) -> {
            String caseId = cases.get(c * k + i % k);
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.post("/api/cases/" + caseId + "/letters", Commands.LETTER_JSON);
            long answered = System.nanoTime();
            if (response.statusCode() != 201) {
                throw new IllegalStateException("answered " + response.statusCode() + ": " + response.body());
            }
            long sequence = Http.json(response.body()).path("sequence").asLong();
            int n = 0;
            while (true) {
                n++;
                HttpResponse<String> summary = http.get("/api/cases/" + caseId);
                if (summary.statusCode() == 200
                        && Http.json(summary.body()).path("version").asLong(-1) >= sequence) {
                    break;
                }
                if (System.nanoTime() - answered > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("write not visible after 30 s");
                }
            }
            posts[c][i] = answered - t0;
            extras[c][i] = System.nanoTime() - answered;
            gets[c][i] = n;
        });
        session.check(run, "lag run");
        long[] post = Arrays.stream(posts).flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        long[] extra = Arrays.stream(extras).flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        long firstGet = Arrays.stream(gets).flatMapToInt(Arrays::stream).filter(v -> v == 1).count();
        long total = Arrays.stream(gets).flatMapToInt(Arrays::stream).filter(v -> v > 0).count();
        session.put("lag.post.p50", Load.percentile(post, 0.5) / 1e6);
        session.put("lag.post.p99", Load.percentile(post, 0.99) / 1e6);
        session.put("lag.extra.p50", Load.percentile(extra, 0.5) / 1e6);
        session.put("lag.extra.p99", Load.percentile(extra, 0.99) / 1e6);
        session.put("lag.firstGet.pct", 100.0 * firstGet / Math.max(1, total));
        session.put("lag.rate", run.perSecond());
        session.log(String.format("201 p50 %.2f p99 %.2f ms; 201->visible p50 %.2f p99 %.2f ms; first GET shows it "
                                          + "%d/%d", Load.percentile(post, 0.5) / 1e6,
                                  Load.percentile(post, 0.99) / 1e6, Load.percentile(extra, 0.5) / 1e6,
                                  Load.percentile(extra, 0.99) / 1e6, firstGet, total));
        app.awaitCaughtUpOrFail(Session.CATCH_UP);
    }

    static void section(Markdown md, Plan plan, Results r) {
        md.line("## 4. Projection lag under load (8 HTTP clients)");
        md.line("");
        md.line("8 clients × " + plan.lagPerClient() + " requests: each posts a letter, then GETs the case summary "
                        + "until its `version` reaches the sequence of the 201 (the API answers only after the case's "
                        + "read models applied the write, so the first GET should show it). \"201 → visible\" runs "
                        + "from receiving the 201 to receiving the GET that shows the write: it is the GET's own "
                        + "round trip when nothing is waited for.");
        md.line("");
        md.line("| | ours, memory | ours, H2 | peer, JDBC H2 |");
        md.line("|---|---|---|---|");
        md.line("| 201 latency p50 / p99 (ms) | " + Markdown.p50p99(r, MEMORY, "lag.post") + " | "
                        + Markdown.p50p99(r, H2, "lag.post") + " | " + Markdown.p50p99(r, PEER, "lag.post") + " |");
        md.line("| 201 → GET shows it, p50 / p99 (ms) | " + Markdown.p50p99(r, MEMORY, "lag.extra") + " | "
                        + Markdown.p50p99(r, H2, "lag.extra") + " | " + Markdown.p50p99(r, PEER, "lag.extra") + " |");
        md.setupRow("first GET already showed the write", r, "lag.firstGet.pct", Markdown::pctRaw);
        md.setupRow("throughput of the run (POST + GET pairs/s)", r, "lag.rate", Markdown::f0);
        md.line("");
    }
}
