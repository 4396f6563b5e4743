package dev.rapport.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/bench/run --smoke} as a reader would run it (after the build): it starts a stack, measures the
 * start-up scenario of every service and writes its table and chart. Figures are not judged here: floors are for
 * the full run on demand, never for a test.
 */
class BenchRunSmokeIT {

    private static final List<String> SERVICES = List.of("contacts-service", "interactions-service", "reminders-service");

    @Test
    void theSmokeRunMeasuresEveryServiceAndWritesATableAndAChart(@TempDir Path out) throws Exception {
        Path home = Path.of(System.getProperty("rapport.home", "../..")).toAbsolutePath().normalize();
        Path console = out.resolve("console.txt");
        Process run = new ProcessBuilder("bash", home.resolve("deploy/bench/run").toString(), "--smoke", "--no-build",
                "--out=" + out.resolve("results"))
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        assertTrue(run.waitFor(5, TimeUnit.MINUTES), "the smoke run ends within 5 minutes");
        assertEquals(0, run.exitValue(), () -> "deploy/bench/run --smoke failed:\n" + read(console));

        List<Path> tables = files(out.resolve("results"), ".md");
        List<Path> charts = files(out.resolve("results"), ".svg");
        assertEquals(1, tables.size(), "one table");
        assertEquals(1, charts.size(), "one chart");
        String table = read(tables.get(0));
        String chart = read(charts.get(0));
        for (String service : SERVICES) {
            assertTrue(table.contains("| " + service + " time to ready | "), () -> service + " ready in:\n" + table);
            assertTrue(table.contains("| " + service + " RSS idle | "), () -> service + " RSS in:\n" + table);
            assertTrue(chart.contains(">" + service + " time to ready</text>"), () -> service + " ready in the chart");
        }
        assertTrue(chart.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), chart);
        assertTrue(read(console).contains("6 figures"), () -> read(console));
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (var listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
