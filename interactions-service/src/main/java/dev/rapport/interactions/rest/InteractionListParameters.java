package dev.rapport.interactions.rest;

import dev.rapport.interactions.domain.Initiator;
import dev.rapport.interactions.domain.InteractionKind;
import dev.rapport.interactions.domain.InvalidValue;
import dev.rapport.interactions.domain.InteractionQuery;
import dev.rapport.kit.http.Folding;
import dev.rapport.kit.http.IsoDates;
import dev.rapport.kit.http.TrueFalseParameter;
import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The query parameters of {@code GET /v1/interactions}, checked all at once into one 422. */
public class InteractionListParameters {

    @QueryParam("contact")
    @Parameter(description = "Only interactions with this contact", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String contact;

    @QueryParam("kind")
    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"meeting", "call", "video_call", "email", "message", "social", "event", "note"}))
    public String kind;

    @QueryParam("from")
    @Parameter(description = "ISO instant or date: from then on (inclusive)")
    public String from;

    @QueryParam("to")
    @Parameter(description = "ISO instant or date: before then (exclusive)")
    public String to;

    @QueryParam("tag")
    @Parameter(description = "Only interactions with this tag")
    public String tag;

    @QueryParam("initiatedBy")
    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"me", "them", "mutual"}))
    public String initiatedBy;

    @QueryParam("q")
    @Parameter(description = "Words to find in the summary, notes and feedback (case and accents ignored)")
    public String q;

    @QueryParam("hasFollowUp")
    @Parameter(description = "true: only those with a follow-up; false: only those without", schema = @Schema(type = SchemaType.BOOLEAN))
    public String hasFollowUp;

    @QueryParam("limit")
    @Parameter(description = "Page size (default 50, at most 200)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page")
    public String cursor;

    InteractionQuery toQuery(String user, int defaultLimit, int maxLimit) {
        List<FieldError> errors = new ArrayList<>();
        UUID contactId = contact == null ? null : uuid(errors);
        InteractionKind k = kind == null ? null : parse("kind", kind, InteractionKind::fromWire, errors);
        Initiator initiator = initiatedBy == null ? null : parse("initiatedBy", initiatedBy, Initiator::fromWire, errors);
        Instant since = from == null ? null : IsoDates.queryInstant("from", from, errors);
        Instant until = to == null ? null : IsoDates.queryInstant("to", to, errors);
        Boolean followUp = TrueFalseParameter.parse("hasFollowUp", hasFollowUp, errors);
        int size = WholeNumberParameter.parse("limit", limit, defaultLimit, 1, maxLimit, errors);
        PageCursor after = cursor(cursor, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        List<String> terms = q == null ? List.of()
                : Arrays.stream(Folding.fold(q).split(" ")).filter(t -> !t.isBlank()).limit(10).toList();
        return new InteractionQuery(user, contactId, k == null ? null : k.wire(), since, until,
                tag == null || tag.isBlank() ? null : tag.strip(), initiator == null ? null : initiator.wire(), terms,
                followUp, after == null ? null : after.at(), after == null ? null : after.id(), size);
    }

    static PageCursor cursor(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return PageCursor.decode(text);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.query("cursor", "is not a cursor this API returned"));
            return null;
        }
    }

    private UUID uuid(List<FieldError> errors) {
        try {
            return UUID.fromString(contact.strip());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.query("contact", "must be a contact id (a UUID)"));
            return null;
        }
    }

    private static <T> T parse(String name, String text, java.util.function.Function<String, T> reader, List<FieldError> errors) {
        try {
            return reader.apply(text);
        } catch (InvalidValue e) {
            errors.add(FieldError.query(name, e.getMessage()));
            return null;
        }
    }
}
