package org.freedomcampaigns.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the rows the plan asks for on one setup, in an order where each row finds the store the previous ones left
 * (rows 1 and 4 on the warmed-up cases, row 3 topping the store up to its target, row 5 measuring the heap after
 * row 3, and row 2's cold series on a restarted service), and records each step's other-process CPU.
 */
final class Workload {
    private final Setup setup;
    private final Plan plan;
    private final Results results;

    Workload(Setup setup, Plan plan, Results results) {
        this.setup = setup;
        this.plan = plan;
        this.results = results;
    }

    void run() throws Exception {
        results.ran(setup);
        Path dir = Files.createTempDirectory("campaign-bench-" + setup.id + "-");
        Session session = new Session(setup, plan, results,
                                      Files.createTempFile("campaign-bench-" + setup.id + "-", ".log"));
        LoadRow loads = new LoadRow(session);
        HeapRow heap = new HeapRow(session);
        try {
            if (!plan.quick()) {
                session.put("cpu.othersBefore", CpuMonitor.awaitQuiet(0.25, 300));
            }
            CpuMonitor.Sample cpuFrom = CpuMonitor.sample();
            heap.baseline();
            long t0 = System.nanoTime();
            try (App app = App.start(setup, dir, session.logFile)) {
                session.put("startup.s", (System.nanoTime() - t0) / 1e9);
                session.log("started on port " + app.port + " in " + fmt((System.nanoTime() - t0) / 1e9) + " s");
                String campaign = Commands.launchCampaign(app);
                List<String> cases = session.openCases(app, campaign, 8 * plan.casesPerClient());
                if (plan.runs(1) || plan.runs(4)) {
                    warmUp(session, app, cases);
                }
                if (plan.runs(1)) {
                    step(session, AppendRow.STEP, () -> new AppendRow(session).run(app, cases));
                }
                if (setup.full) {
                    if (plan.runs(4)) {
                        step(session, LagRow.STEP, () -> new LagRow(session).run(app, cases));
                    }
                    if (plan.runs(2)) {
                        step(session, LoadRow.WARM_STEP, () -> loads.warm(app, campaign));
                    }
                    if (plan.runs(3)) {
                        step(session, RebuildRow.STEP, () -> new RebuildRow(session).run(app, campaign));
                        if (plan.runs(5)) {
                            step(session, HeapRow.STEP, heap::run);
                        }
                    }
                }
            }
            if (setup.full && plan.runs(2)) {
                // after the warm service is closed: a persistent store is reopened by the restarted one
                step(session, LoadRow.COLD_STEP, () -> loads.cold(dir));
            }
            double others = CpuMonitor.othersCores(cpuFrom, CpuMonitor.sample());
            session.put("cpu.others", others);
            session.put("setup.minutes", (System.nanoTime() - t0) / 60e9);
            session.log(String.format("setup done in %.1f min; other processes used %.2f cores meanwhile",
                                      (System.nanoTime() - t0) / 60e9, others));
        } finally {
            summariseServiceLog(session);
            deleteRecursively(dir);
            Files.deleteIfExists(session.logFile);
        }
    }

    /** Commands through the gateway, then through HTTP, before rows 1 and 4 time anything. */
    private static void warmUp(Session session, App app, List<String> cases) {
        int per = Math.max(1, session.plan.warmup() / 8);
        int k = session.plan.casesPerClient();
        Http http = new Http(app.port);
        session.check(Load.run(8, per, (c, i) -> app.gateway.sendAndWait(Commands.letter(cases.get(c * k + i % k)))),
                      "warm-up");
        session.check(Load.run(8, per, (c, i) -> http.postExpecting("/api/cases/" + cases.get(c * k + i % k)
                                                                            + "/letters", Commands.LETTER_JSON, 201)),
                      "warm-up");
        app.awaitCaughtUpOrFail(Session.CATCH_UP);
    }

    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs one row (or part of one) and records the other processes' CPU meanwhile under {@code cpu.step.name}; a
     * failure is noted and the next step still runs, so that one broken row does not cost the whole run.
     */
    private static void step(Session session, String name, Step step) {
        long t0 = System.nanoTime();
        session.log(name + " ...");
        CpuMonitor.Sample from = CpuMonitor.sample();
        try {
            step.run();
            double others = CpuMonitor.othersCores(from, CpuMonitor.sample());
            session.put("cpu.step." + name, others);
            session.log(name + " done in " + fmt((System.nanoTime() - t0) / 1e9) + " s (other processes: "
                                + String.format("%.2f", others) + " cores)");
        } catch (Exception | Error e) {
            session.log(name + " FAILED: " + e);
            e.printStackTrace();
            session.note(name + " failed: " + e);
        }
    }

    /** Adds the distinct warnings and errors the service logged (numbers and ids blanked) to the notes. */
    private static void summariseServiceLog(Session session) {
        try {
            if (!Files.exists(session.logFile)) {
                return;
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            Pattern line = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s+.*?\\]\\s+(\\S+)\\s+:\\s(.*)$");
            for (String text : Files.readAllLines(session.logFile)) {
                Matcher m = line.matcher(text);
                if (m.matches()) {
                    String message = (m.group(1) + " " + m.group(2) + ": " + m.group(3))
                            .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                            .replaceAll("\\d+", "<n>");
                    if (message.length() > 300) {
                        message = message.substring(0, 300) + "…";
                    }
                    counts.merge(message, 1, Integer::sum);
                }
            }
            session.put("log.warnings", (double) counts.values().stream().mapToInt(Integer::intValue).sum());
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                  .forEach(e -> session.note("service log: " + e.getValue() + "× " + e.getKey()));
        } catch (IOException e) {
            session.note("could not read the service log: " + e);
        }
    }

    private static String fmt(double value) {
        return String.format("%.1f", value);
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
