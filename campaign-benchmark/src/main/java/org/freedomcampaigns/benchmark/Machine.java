package org.freedomcampaigns.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the benchmark ran on and how it was started. */
record Machine(int nproc, String memory, String cpu, String java, String os, String jvmArgs, String command) {

    static Machine describe(String[] args) {
        int nproc = Runtime.getRuntime().availableProcessors();
        String memory = line(Path.of("/proc/meminfo"), "MemTotal:")
                .map(l -> l.replaceAll("\\D+", ""))
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / (1024.0 * 1024.0)))
                .orElse("unknown");
        String cpu = line(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).trim())
                                                                  .orElse(System.getProperty("os.arch"));
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        String distribution = line(Path.of("/etc/os-release"), "PRETTY_NAME=")
                .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).orElse("");
        String os = (distribution.isEmpty() ? "" : distribution + ", ") + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String jvmArgs = String.join(" ", jvm);
        String command = "./mvnw -B -q -DskipTests package && java " + (jvmArgs.isEmpty() ? "" : jvmArgs + " ")
                + "-jar campaign-benchmark/target/campaign-benchmark.jar" + (args.length == 0 ? ""
                : " " + String.join(" ", args));
        return new Machine(nproc, memory, cpu, java, os, jvmArgs, command);
    }

    String oneLine() {
        return "nproc " + nproc + ", memory " + memory + ", " + cpu + ", " + java + ", " + os;
    }

    String maxHeap() {
        return String.format("%.1f GiB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
    }

    private static Optional<String> line(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
