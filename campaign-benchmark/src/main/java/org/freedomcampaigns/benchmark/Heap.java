package org.freedomcampaigns.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.ObjectName;

/** Heap in use after full collections, and the classes that hold most of it. */
final class Heap {
    private Heap() {
    }

    static double usedAfterGcMb() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            App.sleep(150);
        }
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
    }

    /** The {@code n} classes with the most bytes on the heap (a class histogram, which collects first). */
    static String topClasses(int n) {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            List<String> top = new ArrayList<>();
            for (String line : histogram.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 4 && parts[0].endsWith(":") && top.size() < n) {
                    long bytes = Long.parseLong(parts[2]);
                    String name = parts[3];
                    top.add(String.format("%s %.0f MB", simplify(name), bytes / (1024.0 * 1024.0)));
                }
            }
            return String.join(", ", top);
        } catch (Exception e) {
            return "class histogram unavailable: " + e;
        }
    }

    private static String simplify(String name) {
        return switch (name) {
            case "[B" -> "byte[]";
            case "[C" -> "char[]";
            case "[I" -> "int[]";
            case "[J" -> "long[]";
            case "[Ljava.lang.Object;" -> "Object[]";
            default -> name;
        };
    }
}
