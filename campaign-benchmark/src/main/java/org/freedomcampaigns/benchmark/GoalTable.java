package org.freedomcampaigns.benchmark;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The goals table of the report: each row adds the figures of its goals, the table judges them by {@link Goal}. */
final class GoalTable {
    /** A goal's line: the figures quoted, and for each judged one whether it met the goal. */
    static final class Line {
        private final Goal goal;
        private final List<String> parts = new ArrayList<>();
        private final List<Boolean> met = new ArrayList<>();

        private Line(Goal goal) {
            this.goal = goal;
        }

        /** Quotes {@code part} and judges {@code figure} by the goal. */
        void judge(String part, double figure) {
            parts.add(part);
            met.add(goal.met(figure));
        }

        /** Quotes {@code part} without judging it (the peer's figures, given for comparison). */
        void quote(String part) {
            parts.add(part);
        }

        private String verdict() {
            return met.isEmpty() ? "not measured" : met.stream().allMatch(b -> b) ? "**met**"
                    : met.stream().noneMatch(b -> b) ? "**missed**" : "**partly missed**";
        }
    }

    private final Map<Goal, Line> lines = new EnumMap<>(Goal.class);

    Line line(Goal goal) {
        return lines.computeIfAbsent(goal, Line::new);
    }

    /** Every goal has its line, measured or not, so that a run of some rows still shows what it left out. */
    void write(Markdown md, Plan plan) {
        md.line("## Goals");
        md.line("");
        md.line("| goal | target | measured | verdict |");
        md.line("|---|---|---|---|");
        for (Goal goal : Goal.values()) {
            Line line = line(goal);
            md.line("| " + goal.text(plan) + " | " + goal.target + " | "
                            + (line.parts.isEmpty() ? "—" : String.join("; ", line.parts)) + " | " + line.verdict()
                            + " |");
        }
        md.line("");
    }
}
