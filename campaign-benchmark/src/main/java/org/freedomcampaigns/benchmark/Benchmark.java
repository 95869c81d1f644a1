package org.freedomcampaigns.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The storage benchmark of the campaign tracker: a plain program (not JMH, not a test) that starts the whole service
 * in-process once per setup and measures
 * <ol>
 *     <li>append throughput with 1 and 8 clients through HTTP and through Axon's CommandGateway, against raw driver
 *     inserts into the same server;</li>
 *     <li>the cost of recording a fact on a case with 10 / 1,000 / 10,000 prior events, with a warm and a cold
 *     aggregate cache;</li>
 *     <li>a rebuild of all four read models from 100,000 events against a raw scan of the stored events;</li>
 *     <li>the projection lag seen by clients (201, then GET) under load;</li>
 *     <li>the heap in use once 100,000 events are loaded;</li>
 * </ol>
 * on our engine with the memory and the H2 backend of the embedded server, and on the peer (Axon's JDBC engine on an
 * H2 file). Writes {@code docs/benchmarks.md} (quick runs: {@code campaign-benchmark/target/benchmarks-quick.md})
 * and prints the same report.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package &amp;&amp; java -jar campaign-benchmark/target/campaign-benchmark.jar [--quick]
 *     [--out=FILE] [--setups=memory,h2,h2-nodurable,peer] [--rows=1,2,3,4,5]
 * </pre>
 */
public final class Benchmark {
    static final long START = System.nanoTime();

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = null;
        List<Setup> setups = new ArrayList<>(List.of(Setup.values()));
        Set<Integer> rows = Plan.ALL_ROWS;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else if (arg.startsWith("--setups=")) {
                setups = Arrays.stream(arg.substring("--setups=".length()).split(",")).map(String::trim)
                               .map(Setup::byId).toList();
            } else if (arg.startsWith("--rows=")) {
                rows = Arrays.stream(arg.substring("--rows=".length()).split(",")).map(String::trim)
                             .map(Integer::valueOf).collect(Collectors.toSet());
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("java -jar campaign-benchmark/target/campaign-benchmark.jar [--quick] "
                                           + "[--out=FILE] [--setups=memory,h2,h2-nodurable,peer] [--rows=1,2,3,4,5]");
                return;
            } else {
                System.err.println("unknown argument " + arg + " (try --help)");
                System.exit(2);
            }
        }
        if (out == null) {
            out = quick ? Path.of("campaign-benchmark", "target", "benchmarks-quick.md")
                        : Path.of("docs", "benchmarks.md");
        }
        Plan plan = (quick ? Plan.quickRun() : Plan.defaultRun()).onlyRows(rows);
        ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
        Machine machine = Machine.describe(args);
        System.err.println("[bench] " + machine.oneLine());
        System.err.println("[bench] " + (quick ? "quick" : "default") + " run, setups " + setups
                + ", report to " + out.toAbsolutePath());

        Results results = new Results();
        for (Setup setup : setups) {
            try {
                new Workload(setup, plan, results).run();
            } catch (Exception | Error e) {
                e.printStackTrace();
                results.note(setup, "aborted: " + e);
            }
        }
        double minutes = (System.nanoTime() - START) / 60e9;
        String report = new Report(plan, results, machine,
                                   startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), minutes).render();
        System.out.println(report);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, report);
        System.err.println("[bench] report written to " + out.toAbsolutePath());
        // stray non-daemon threads of the closed services must not keep the JVM alive
        System.exit(0);
    }
}
