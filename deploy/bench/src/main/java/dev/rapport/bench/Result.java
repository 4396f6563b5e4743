package dev.rapport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * One row of the table {@code deploy/bench/run} prints: what a scenario measured, the baseline measured in the same
 * run, and its floor. {@code ofFloor} says how the figure stands to the floor, the same way for throughput and
 * latency: 1 is exactly the floor, above 1 better than it, below 1 short of it (null when the row has no floor).
 */
record Result(String scenario, String figure, String baseline, String floor, Double ofFloor) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A throughput ratio to its baseline, with a floor on the ratio. */
    static Result ratio(String scenario, double perSecond, String unit, double baselinePerSecond, String baselineName,
                        double floor) {
        double ratio = perSecond / baselinePerSecond;
        return new Result(scenario, String.format(java.util.Locale.ROOT, "%,.0f %s (%.2f×)", perSecond, unit, ratio),
                String.format(java.util.Locale.ROOT, "%s %,.0f/s", baselineName, baselinePerSecond),
                String.format(java.util.Locale.ROOT, "≥ %.2f×", floor), ratio / floor);
    }

    /** A latency, duration or size that must stay at or under {@code floor}. */
    static Result atMost(String scenario, double value, double floor, String unit, String baseline) {
        if (Double.isInfinite(value)) {
            return new Result(scenario, "not reached for every event", baseline,
                    String.format(java.util.Locale.ROOT, "≤ %,.0f %s", floor, unit), 0.0);
        }
        return new Result(scenario, String.format(java.util.Locale.ROOT, "%,.1f %s", value, unit), baseline,
                String.format(java.util.Locale.ROOT, "≤ %,.0f %s", floor, unit), floor / Math.max(value, 0.001));
    }

    /** A rate that must reach {@code floor}. */
    static Result atLeast(String scenario, double value, double floor, String unit, String baseline) {
        return new Result(scenario, String.format(java.util.Locale.ROOT, "%,.0f %s", value, unit), baseline,
                String.format(java.util.Locale.ROOT, "≥ %,.0f %s", floor, unit), value / floor);
    }

    /** A figure without a floor, shown for context. */
    static Result information(String scenario, String figure, String baseline) {
        return new Result(scenario, figure, baseline, "—", null);
    }

    boolean held() {
        return ofFloor == null || ofFloor >= 1;
    }

    String verdict() {
        return ofFloor == null ? "information" : held() ? "held" : "MISSED";
    }

    /** Appends this row to {@code --results=FILE} when the run asked for one (deploy/bench/run does). */
    void record(Map<String, String> options) {
        String file = options.get("results");
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Result> readAll(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Result> rows = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(JSON.readValue(line, Result.class));
            }
        }
        return rows;
    }
}
