package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ImportJob", description = "An import and how far it got; rows tell what became of each row of the file")
public record ImportJobView(
        @Schema(required = true) UUID id,
        @Schema(enumeration = {"vcard", "linkedin", "google", "json"}) String format,
        @Schema(required = true) boolean dryRun,
        @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String status,
        @Schema(description = "Why the whole file could not be read", nullable = true) String failure,
        Counts counts,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(description = "Row outcomes in file order: a page of them (see rowsLimit)") List<Row> rows,
        @Schema(description = "Pass as rowsAfter for the next page; null when this page is the last", nullable = true)
        Integer nextRowsAfter) {

    @Schema(name = "ImportCounts")
    public record Counts(@Schema(required = true) int read, @Schema(required = true) int created, @Schema(required = true) int updated, @Schema(required = true) int skipped, @Schema(required = true) int failed) {
    }

    @Schema(name = "ImportRow")
    public record Row(@Schema(required = true) int row, @Schema(enumeration = {"created", "updated", "skipped", "failed"}) String outcome,
                      @Schema(nullable = true) UUID contactId, @Schema(nullable = true) String reason,
                      @Schema(required = true, description = "What of the row was not imported, or only as written (a phone "
                              + "no country was known for), and why; empty when everything was placed",
                              examples = "NOTE 'x' not imported: the contact has 'y'") List<String> warnings) {
    }
}
