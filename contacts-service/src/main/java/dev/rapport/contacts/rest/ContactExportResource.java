package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.rapport.kit.openapi.ApiHeaders;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rapport.contacts.config.ContactsConfig;
import dev.rapport.contacts.mapping.CsvExportRow;
import dev.rapport.contacts.mapping.VCardMapper;
import dev.rapport.contacts.service.ContactExportService;
import dev.rapport.contacts.service.ContactSearch;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.OutputStream;

/** Everything (or what the filters select) out, streamed: vCard 4.0 or 3.0, CSV, or Rapport's JSON. */
@Path("/v1/contacts/export")
@Tag(name = "Contacts", description = "Contacts, their contact points, tags and dated history; duplicates, merges and exports")
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = "application/problem+json"))
public class ContactExportResource {

    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(CsvExportRow.class).withHeader();

    @Inject
    ContactExportService exports;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ContactsConfig config;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "exportContacts", summary = "Export contacts as vCard, CSV or JSON",
            description = "Streams every contact you can see (or those the list filters select), sorted by name. "
                    + "vCard 4.0 by default, 3.0 with version=3.0; CSV with a header row; JSON as an array of Contact.")
    @APIResponse(responseCode = "200", headers = @Header(name = ApiHeaders.CONTENT_DISPOSITION, ref = ApiHeaders.CONTENT_DISPOSITION), description = "The file", content = {
            @Content(mediaType = "text/vcard"), @Content(mediaType = "text/csv"), @Content(mediaType = "application/json")})
    @APIResponse(responseCode = "422", description = "Unknown format or version, or invalid filters",
            content = @Content(mediaType = "application/problem+json"))
    public Response export(@Parameter(description = "vcard (default), csv or json", schema = @Schema(type = SchemaType.STRING, enumeration = {"vcard", "csv", "json"})) @QueryParam("format") String format,
                           @Parameter(description = "vCard version: 4.0 (default) or 3.0", schema = @Schema(type = SchemaType.STRING, enumeration = {"4.0", "3.0"})) @QueryParam("version") String version,
                           @BeanParam ContactListParameters filters) {
        String user = workspaces.currentUser().orElseThrow();
        ContactSearch search = filters.toSearch(user, config.defaultPageSize(), config.maxPageSize());
        String kind = format == null ? "vcard" : format.strip().toLowerCase(java.util.Locale.ROOT);
        VCardVersion vcardVersion = vcardVersion(version);
        return switch (kind) {
            case "vcard" -> file("text/vcard; charset=utf-8", "contacts.vcf", out -> vcards(search, user, out, vcardVersion));
            case "csv" -> file("text/csv; charset=utf-8", "contacts.csv", out -> csv(search, user, out));
            case "json" -> file("application/json", "contacts.json", out -> jsonArray(search, user, out));
            default -> throw Problems.invalid(FieldError.query("format", "must be one of vcard, csv, json"));
        };
    }

    private void vcards(ContactSearch search, String user, OutputStream out, VCardVersion version) throws IOException {
        VCardWriter writer = new VCardWriter(out, version);
        // RFC 6868 (vCard 4.0): a label may hold quotes or line breaks, which a parameter value can only carry
        // caret-encoded. vCard 3.0 predates it: VCardMapper writes such labels plainly there.
        writer.setCaretEncodingEnabled(version == VCardVersion.V4_0);
        exports.export(search, user, contact -> writer.write(VCardMapper.toVCard(contact, version)));
        writer.flush();
    }

    private void csv(ContactSearch search, String user, OutputStream out) throws IOException {
        try (SequenceWriter rows = CSV.writer(CSV_SCHEMA).writeValues(out)) {
            exports.export(search, user, contact -> rows.write(CsvExportRow.of(contact)));
        }
    }

    private void jsonArray(ContactSearch search, String user, OutputStream out) throws IOException {
        try (SequenceWriter items = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValuesAsArray(out)) {
            exports.export(search, user, contact -> items.write(ContactView.of(contact)));
        }
    }

    private static VCardVersion vcardVersion(String version) {
        if (version == null || version.strip().equals("4.0")) {
            return VCardVersion.V4_0;
        }
        if (version.strip().equals("3.0")) {
            return VCardVersion.V3_0;
        }
        throw Problems.invalid(FieldError.query("version", "must be 4.0 or 3.0"));
    }

    private static Response file(String mediaType, String filename, StreamingOutput body) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

}
