package dev.rapport.contacts.rest;

import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.contacts.domain.ImportFormat;
import dev.rapport.contacts.domain.ImportJob;
import dev.rapport.contacts.domain.ImportOutcome;
import dev.rapport.contacts.mapping.imports.CsvImport;
import dev.rapport.contacts.service.ImportJobService;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import dev.rapport.kit.http.TrueFalseParameter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Bring contacts in: upload a file as the request body or as a form; it is imported in the background. */
@Path("/v1/imports")
@Tag(name = "Imports", description = "vCard, LinkedIn and Google CSV, and Rapport JSON files in, with the outcome of every row")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
public class ImportResource {

    private static final int DEFAULT_ROWS = 1000;
    private static final int MAX_ROWS = 5000;

    private static final Map<String, ImportFormat> FORMATS = Map.of(
            "vcard", ImportFormat.VCARD, "linkedin", ImportFormat.LINKEDIN_CSV,
            "google", ImportFormat.GOOGLE_CSV, "json", ImportFormat.RAPPORT_JSON);

    @Inject
    ImportJobService imports;

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "startImport", summary = "Import a vCard, LinkedIn Connections.csv, Google Contacts CSV or Rapport JSON file",
            description = "The file is the body (text/vcard, text/csv or application/json; up to 20 MiB). The format follows "
                    + "from the media type, or from `format` (needed to tell Google's CSV from LinkedIn's when it cannot be "
                    + "recognised). Contacts already imported from the same source, or sharing an email, phone or social "
                    + "profile, are filled in rather than duplicated; importing a file twice changes nothing. With "
                    + "`dryRun=true` nothing is written: the job reports what would happen.")
    @RequestBody(required = true, content = {@Content(mediaType = "text/vcard"), @Content(mediaType = "text/csv"),
            @Content(mediaType = "application/json")})
    @APIResponse(responseCode = "202", description = "Accepted; follow Location for progress",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "413", description = "File over 20 MiB", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Empty file, unknown format, or a dryRun that is neither true nor false", content = @Content(mediaType = "application/problem+json"))
    public Response start(byte[] file,
                          @Parameter(description = "vcard, linkedin, google or json; without it, told from Content-Type (and, for CSV, the header row)", schema = @Schema(type = SchemaType.STRING, enumeration = {"vcard", "linkedin", "google", "json"})) @QueryParam("format") String format,
                          @Parameter(description = "Report what would happen without writing", schema = @Schema(type = SchemaType.BOOLEAN))
                          @QueryParam("dryRun") String dryRun,
                          @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          @Context UriInfo uri) {
        return accept(format(format, contentType, file), TrueFalseParameter.require("dryRun", dryRun), file, uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "startImportFromForm", summary = "Import a file uploaded as a form (multipart/form-data, field `file`)",
            description = "As the raw-body upload; the format follows from `format`, else the part's media type, else the "
                    + "file name's extension (.vcf, .csv, .json).")
    @APIResponse(responseCode = "202", description = "Accepted; follow Location for progress",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "413", description = "File over 20 MiB", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "400", description = "Not a readable multipart/form-data body (no boundary, cut off)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "No file, more than one, an empty file, an unknown format, or a dryRun that is neither true nor false",
            content = @Content(mediaType = "application/problem+json"))
    public Response startFromForm(@RestForm("file") List<FileUpload> uploads,
                                  @Parameter(description = "vcard, linkedin, google or json; without it, told from Content-Type (and, for CSV, the header row)", schema = @Schema(type = SchemaType.STRING, enumeration = {"vcard", "linkedin", "google", "json"})) @QueryParam("format") String format,
                                  @Parameter(description = "Report what would happen without writing", schema = @Schema(type = SchemaType.BOOLEAN))
                          @QueryParam("dryRun") String dryRun,
                                  @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                  @Context UriInfo uri) throws IOException {
        // Without a boundary there are no parts to find: the body cannot be read as a form at all.
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("boundary=")) {
            throw Problems.malformed("A multipart/form-data body needs the boundary parameter in its Content-Type");
        }
        if (uploads == null || uploads.isEmpty()) {
            throw Problems.invalid(FieldError.body("file", "is missing: send the file in the form field 'file'"));
        }
        if (uploads.size() > 1) {
            throw Problems.invalid(FieldError.body("file", "holds " + uploads.size()
                    + " files: an import takes one file; send the others as imports of their own"));
        }
        FileUpload upload = uploads.get(0);
        byte[] file = Files.readAllBytes(upload.uploadedFile());
        return accept(format(format, mediaTypeOf(upload), file), TrueFalseParameter.require("dryRun", dryRun), file, uri);
    }

    private Response accept(ImportFormat format, boolean dryRun, byte[] file, UriInfo uri) {
        if (file == null || file.length == 0) {
            throw Problems.invalid(FieldError.body("file", "is empty"));
        }
        ImportJob job = imports.accept(format, dryRun, file);
        return Response.accepted(view(new ImportJobService.Progress(job, java.util.List.of(), false)))
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    /** Browsers label .vcf and .csv uploads inconsistently (application/octet-stream, vnd.ms-excel): the name decides then. */
    private static String mediaTypeOf(FileUpload upload) {
        String name = upload.fileName() == null ? "" : upload.fileName().toLowerCase(Locale.ROOT);
        String type = upload.contentType() == null ? "" : upload.contentType();
        if (type.startsWith("text/vcard") || type.startsWith("text/x-vcard") || type.startsWith("text/csv")
                || type.startsWith("application/json")) {
            return type;
        }
        if (name.endsWith(".vcf") || name.endsWith(".vcard")) {
            return "text/vcard";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        return name.endsWith(".json") ? "application/json" : type;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getImport", summary = "An import's progress and the outcome of its rows",
            description = "Rows come in file order, up to rowsLimit (1,000 by default) per response; follow nextRowsAfter "
                    + "for the rest. outcome=failed lists only the rows that failed, with their reasons.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "404", description = "No such import of yours", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "Invalid outcome, rowsAfter or rowsLimit", content = @Content(mediaType = "application/problem+json"))
    public ImportJobView get(@PathParam("id") UUID id,
                             @Parameter(description = "created, updated, skipped or failed", schema = @Schema(type = SchemaType.STRING, enumeration = {"created", "updated", "skipped", "failed"})) @QueryParam("outcome") String outcome,
                             @Parameter(description = "Rows after this row number (default 0)", schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("rowsAfter") String rowsAfter,
                             @Parameter(description = "At most this many rows (1 to 5,000; default 1,000)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5000")) @QueryParam("rowsLimit") String rowsLimit) {
        List<FieldError> errors = new ArrayList<>();
        ImportOutcome only = outcome(outcome, errors);
        int after = WholeNumberParameter.parse("rowsAfter", rowsAfter, 0, 0, Integer.MAX_VALUE, errors);
        int limit = WholeNumberParameter.parse("rowsLimit", rowsLimit, DEFAULT_ROWS, 1, MAX_ROWS, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return view(imports.progress(id, only, after, limit));
    }

    private static ImportOutcome outcome(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return ImportOutcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.query("outcome", "must be one of created, updated, skipped, failed"));
            return null;
        }
    }

    private static ImportFormat format(String format, String contentType, byte[] file) {
        if (format != null) {
            ImportFormat chosen = FORMATS.get(format.strip().toLowerCase(Locale.ROOT));
            if (chosen == null) {
                throw Problems.invalid(FieldError.query("format", "must be one of vcard, linkedin, google, json"));
            }
            return chosen;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/vcard") || type.startsWith("text/x-vcard") || type.startsWith("text/directory")) {
            return ImportFormat.VCARD;
        }
        if (type.startsWith("application/json")) {
            return ImportFormat.RAPPORT_JSON;
        }
        if (type.startsWith("text/csv")) {
            return CsvImport.looksLikeLinkedIn(file) ? ImportFormat.LINKEDIN_CSV : ImportFormat.GOOGLE_CSV;
        }
        throw Problems.invalid(FieldError.query("format",
                "cannot be told from Content-Type '" + contentType + "': send text/vcard, text/csv or application/json, or set format"));
    }

    private static ImportJobView view(ImportJobService.Progress progress) {
        ImportJob job = progress.job();
        String format = FORMATS.entrySet().stream().filter(e -> e.getValue() == job.format()).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        return new ImportJobView(job.id(), format, job.dryRun(), job.status().name().toLowerCase(Locale.ROOT), job.failure(),
                new ImportJobView.Counts(job.rowsRead(), job.rowsCreated(), job.rowsUpdated(), job.rowsSkipped(), job.rowsFailed()),
                job.createdAt(), job.finishedAt(),
                progress.rows().stream().map(r -> new ImportJobView.Row(r.rowNumber(), r.outcome().name().toLowerCase(Locale.ROOT),
                        r.contactId(), r.reason(), r.warnings())).toList(),
                progress.more() ? progress.rows().get(progress.rows().size() - 1).rowNumber() : null);
    }
}
