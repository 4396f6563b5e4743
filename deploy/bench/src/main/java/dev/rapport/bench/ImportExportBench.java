package dev.rapport.bench;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue "Import, export" benchmark: a 10,000-card vCard file and a 10,000-row LinkedIn CSV imported through
 * the API (wall time, rows/s; target >= 2,000 rows/s), and 100,000 contacts exported as vCard: time and
 * contacts-service's peak heap, next to the peak for 10,000 (streamed: it must not grow with the count).
 * Options: {@code --rows=10000 --home=DIR}.
 */
public final class ImportExportBench {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{.*area=\"heap\".*} ([0-9.E]+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ImportExportBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchStack.options(args);
        int rows = Integer.parseInt(options.getOrDefault("rows", "10000"));
        try (LocalStack stack = BenchStack.start(options)) {
            String base = stack.url(Service.CONTACTS);
            String vcardToken = token(stack, "import-vcard");
            String csvToken = token(stack, "import-linkedin");
            // A small import first, so the import path is compiled before it is timed.
            importFile(base, token(stack, "warm-up"), "text/vcard", vcards(200));

            double vcardSeconds = importFile(base, vcardToken, "text/vcard", vcards(rows));
            double csvSeconds = importFile(base, csvToken, "text/csv", linkedIn(rows));

            System.out.println("Seeding 100,000 contacts in one workspace and 10,000 in each of 10 others ...");
            ContactsApiBench.seed(stack.infrastructure().postgres().jdbcUrl("contacts"));
            Export small = export(base, token(stack, "other-1"));
            Export large = export(base, token(stack, "bench"));

            System.out.println();
            System.out.println("== Import and export (durable PostgreSQL; everything on this machine) ==");
            Result.atLeast(String.format(Locale.ROOT, "vCard import, %,d cards", rows), rows / vcardSeconds, 2000, "rows/s", "—").record(options);
            Result.information(String.format(Locale.ROOT, "LinkedIn CSV import, %,d rows", rows),
                    String.format(Locale.ROOT, "%,.0f rows/s", rows / csvSeconds), "—").record(options);
            System.out.printf(Locale.ROOT, "import %,d vCards        %6.1f s  %6.0f rows/s (target >= 2,000)%n", rows, vcardSeconds, rows / vcardSeconds);
            System.out.printf(Locale.ROOT, "import %,d LinkedIn rows %6.1f s  %6.0f rows/s (target >= 2,000)%n", rows, csvSeconds, rows / csvSeconds);
            System.out.printf(Locale.ROOT, "export %,7d vCards       %6.1f s  %,d bytes  peak heap %.0f MiB%n", small.cards(), small.seconds(), small.bytes(), small.peakHeapMiB());
            System.out.printf(Locale.ROOT, "export %,7d vCards       %6.1f s  %,d bytes  peak heap %.0f MiB%n", large.cards(), large.seconds(), large.bytes(), large.peakHeapMiB());
        }
    }

    private static String token(LocalStack stack, String workspace) {
        return Tokens.sign(Tokens.Spec.of(workspace, "bench-user", "member"), stack.keys().privateKey());
    }

    /** Posts the file and waits for the job to finish; the wall time from the POST to the end. */
    private static double importFile(String base, String token, String contentType, String file) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        // Status and counts only, as a progress bar asks: the default page of 1,000 row outcomes, read four times a
        // second, would be a load of its own on the service doing the import.
        URI job = URI.create(accepted.headers().firstValue("Location").orElseThrow() + "?rowsLimit=1");
        while (true) {
            Thread.sleep(250);
            String body = HTTP.send(HttpRequest.newBuilder(job).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher status = STATUS.matcher(body);
            if (status.find() && (status.group(1).equals("succeeded") || status.group(1).equals("failed"))) {
                if (status.group(1).equals("failed")) {
                    throw new IllegalStateException("Import failed: " + body.substring(0, Math.min(500, body.length())));
                }
                return (System.nanoTime() - started) / 1e9;
            }
        }
    }

    record Export(long cards, long bytes, double seconds, double peakHeapMiB) {
    }

    private static Export export(String base, String token) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(heapBytes(base), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/contacts/export?format=vcard"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long cards = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            int n;
            byte[] marker = "BEGIN:VCARD".getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    matched = buffer[i] == marker[matched] ? matched + 1 : (buffer[i] == marker[0] ? 1 : 0);
                    if (matched == marker.length) {
                        cards++;
                        matched = 0;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        done.set(true);
        sampler.join();
        return new Export(cards, bytes, seconds, peak.get() / 1024.0 / 1024.0);
    }

    /** contacts-service's used heap, summed over its heap pools, from its Prometheus metrics. */
    private static long heapBytes(String base) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEAP.matcher(metrics);
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        }
    }

    private static String vcards(int count) {
        StringBuilder file = new StringBuilder(count * 300);
        for (int i = 0; i < count; i++) {
            file.append("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                    .append("N:Family").append(i).append(";Given").append(i).append(";;;\r\n")
                    .append("FN:Given").append(i).append(" Family").append(i).append("\r\n")
                    .append("EMAIL;TYPE=INTERNET;TYPE=WORK:person").append(i).append("@example.org\r\n")
                    .append("TEL;TYPE=CELL:+1 415 555 ").append(String.format("%04d", i % 10000)).append("\r\n")
                    .append("ORG:Company ").append(i % 500).append("\r\nTITLE:Engineer\r\n")
                    .append("BDAY:19").append(50 + i % 50).append("-0").append(1 + i % 9).append("-1").append(i % 9).append("\r\n")
                    .append("UID:bench-").append(i).append("\r\nEND:VCARD\r\n");
        }
        return file.toString();
    }

    private static String linkedIn(int count) {
        StringBuilder file = new StringBuilder("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n")
                .append("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < count; i++) {
            file.append("Given").append(i).append(",Family").append(i).append(",https://www.linkedin.com/in/person-").append(i)
                    .append(',').append(i % 3 == 0 ? "" : "linked" + i + "@example.org").append(",Company ").append(i % 500)
                    .append(",Engineer,").append(1 + i % 28).append(" Mar 2024\n");
        }
        return file.toString();
    }
}
