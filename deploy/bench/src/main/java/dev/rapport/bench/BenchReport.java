package dev.rapport.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end of {@code deploy/bench/run}: the rows its scenarios recorded, printed as one table and written under
 * {@code --out} as Markdown and as an SVG chart of each figure against its floor, named after the commit measured.
 *
 * <p>Options: {@code --results=FILE --out=DIR --commit=SHA [--title=TEXT]}.
 */
public final class BenchReport {

    /** The chart's scale ends at twice the floor: past that, "well clear of it" is all a reader needs. */
    private static final double SCALE_END = 2.0;

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = BenchStack.options(args);
        List<Result> rows = Result.readAll(Path.of(options.get("results")));
        if (rows.isEmpty()) {
            System.err.println("No scenario recorded a figure: no table written.");
            System.exit(1);
        }
        String commit = options.getOrDefault("commit", "unknown");
        String title = options.getOrDefault("title", "Rapport benchmarks");
        Path out = Path.of(options.getOrDefault("out", "deploy/bench/results"));
        Files.createDirectories(out);
        String markdown = markdown(rows, title, commit);
        Path table = out.resolve(commit + ".md");
        Path chart = out.resolve(commit + ".svg");
        Files.writeString(table, markdown + "\n![figures against their floors](" + chart.getFileName() + ")\n",
                StandardCharsets.UTF_8);
        Files.writeString(chart, svg(rows, title + " — " + commit), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        long missed = rows.stream().filter(r -> !r.held()).count();
        System.out.printf(Locale.ROOT, "%d figures, %d floors missed. Table: %s  Chart: %s%n", rows.size(), missed,
                table.toAbsolutePath(), chart.toAbsolutePath());
    }

    static String markdown(List<Result> rows, String title, String commit) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append(" (commit ").append(commit).append(")\n\n");
        md.append("| scenario | figure | baseline in the same run | floor | of floor | verdict |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Result row : rows) {
            md.append("| ").append(cell(row.scenario())).append(" | ").append(cell(row.figure())).append(" | ")
                    .append(cell(row.baseline())).append(" | ").append(cell(row.floor())).append(" | ")
                    .append(row.ofFloor() == null ? "—" : String.format(Locale.ROOT, "%.2f", row.ofFloor()))
                    .append(" | ").append(row.verdict()).append(" |\n");
        }
        md.append("\n*of floor*: the figure against its floor, 1 or more holds it: figure ÷ floor for a floor to reach (≥), ")
                .append("floor ÷ figure for one not to exceed (≤).\n");
        return md.toString();
    }

    /** Horizontal bars, one per row with a floor: its figure as a share of the floor, the floor a line at 1. */
    static String svg(List<Result> rows, String title) {
        List<Result> charted = rows.stream().filter(r -> r.ofFloor() != null).toList();
        int labelWidth = 330;
        int barWidth = 420;
        int rowHeight = 26;
        int top = 46;
        int height = top + charted.size() * rowHeight + 40;
        int width = labelWidth + barWidth + 90;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                xml(title)));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"10\" y=\"36\" fill=\"#555\">Each figure as a share of its floor (1 = the floor; right of the line holds it; scale ends at %.0f)</text>%n",
                SCALE_END));
        for (int i = 0; i < charted.size(); i++) {
            Result row = charted.get(i);
            int y = top + i * rowHeight;
            double share = Math.min(row.ofFloor(), SCALE_END);
            int length = (int) Math.round(barWidth * share / SCALE_END);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    labelWidth - 8, y + 16, xml(row.scenario())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>%n",
                    labelWidth, y + 3, Math.max(length, 1), row.held() ? "#2e7d32" : "#c62828"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.2f</text>%n",
                    labelWidth + Math.max(length, 1) + 6, y + 16, row.ofFloor()));
        }
        int floorX = labelWidth + barWidth / 2;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-dasharray=\"4 3\"/>%n",
                floorX, top, floorX, top + charted.size() * rowHeight + 6));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">floor</text>%n",
                floorX, top + charted.size() * rowHeight + 22));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
