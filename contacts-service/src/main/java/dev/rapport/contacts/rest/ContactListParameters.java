package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.rapport.kit.http.WholeNumberParameter;
import dev.rapport.kit.http.Folding;
import dev.rapport.contacts.domain.InvalidValue;
import dev.rapport.contacts.domain.Relationship;
import dev.rapport.contacts.service.ContactSearch;
import dev.rapport.kit.http.IsoDates;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The query parameters of {@code GET /v1/contacts}, checked all at once into one 422. */
public class ContactListParameters {

    private static final Map<String, ContactSearch.Sort> SORTS = Map.of(
            "name", ContactSearch.Sort.NAME, "-name", ContactSearch.Sort.NAME_DESC,
            "updatedAt", ContactSearch.Sort.UPDATED, "-updatedAt", ContactSearch.Sort.UPDATED_DESC,
            "createdAt", ContactSearch.Sort.CREATED, "-createdAt", ContactSearch.Sort.CREATED_DESC);

    @QueryParam("q")
    @Parameter(description = "Words to find in names, emails, phones, company, title, tags and notes (case and accents ignored)")
    public String q;

    @QueryParam("tag")
    @Parameter(description = "Only contacts with this tag")
    public String tag;

    @QueryParam("company")
    @Parameter(description = "Exact company, case ignored")
    public String company;

    @QueryParam("city")
    @Parameter(description = "Exact city, case ignored")
    public String city;

    @QueryParam("relationship")
    @Parameter(description = "professional, personal or both", schema = @Schema(type = SchemaType.STRING, enumeration = {"professional", "personal", "both"}))
    public String relationship;

    @QueryParam("owner")
    @Parameter(description = "User id of the owner, or `me`")
    public String owner;

    @QueryParam("updatedSince")
    @Parameter(description = "ISO instant or date: contacts changed since then")
    public String updatedSince;

    @QueryParam("birthdayBetween")
    @Parameter(description = "MM-DD..MM-DD, may cross New Year", example = "12-20..01-10")
    public String birthdayBetween;

    @QueryParam("sort")
    @Parameter(description = "name, updatedAt or createdAt; prefix with - for descending", example = "-updatedAt", schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-name", "updatedAt", "-updatedAt", "createdAt", "-createdAt"}))
    public String sort;

    @QueryParam("limit")
    @Parameter(description = "Page size (default 50, at most 200)", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "200"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "nextCursor of the previous page")
    public String cursor;

    ContactSearch toSearch(String currentUser, int defaultLimit, int maxLimit) {
        List<FieldError> errors = new ArrayList<>();
        ContactSearch.Sort order = sort == null ? ContactSearch.Sort.NAME : SORTS.get(sort);
        if (order == null) {
            errors.add(FieldError.query("sort", "must be one of " + String.join(", ", SORTS.keySet())));
            order = ContactSearch.Sort.NAME;
        }
        int size = WholeNumberParameter.parse("limit", limit, defaultLimit, 1, maxLimit, errors);
        Relationship rel = null;
        if (relationship != null) {
            try {
                rel = Relationship.fromWire(relationship);
            } catch (InvalidValue e) {
                errors.add(FieldError.query("relationship", e.getMessage()));
            }
        }
        Instant since = updatedSince == null ? null : IsoDates.queryInstant("updatedSince", updatedSince, errors);
        MonthDay[] birthdays = birthdayBetween == null ? new MonthDay[2] : birthdays(birthdayBetween, errors);
        ListCursor after = null;
        if (cursor != null) {
            try {
                after = ListCursor.decode(cursor);
                if (after.sort() != order) {
                    errors.add(FieldError.query("cursor", "belongs to another sort order"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.query("cursor", "is not a cursor this API returned"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        List<String> terms = q == null ? List.of()
                : Arrays.stream(Folding.fold(q).split(" ")).filter(t -> !t.isBlank()).limit(10).toList();
        return new ContactSearch(terms, blankToNull(tag), blankToNull(company), blankToNull(city), rel,
                "me".equals(owner) ? currentUser : blankToNull(owner), since, birthdays[0], birthdays[1], order,
                after == null ? null : after.value(), after == null ? null : after.id(), size);
    }

    private static MonthDay[] birthdays(String text, List<FieldError> errors) {
        String[] ends = text.split("\\.\\.");
        try {
            if (ends.length == 2) {
                return new MonthDay[]{MonthDay.parse("--" + ends[0]), MonthDay.parse("--" + ends[1])};
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(FieldError.query("birthdayBetween", "must be MM-DD..MM-DD"));
        return new MonthDay[2];
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
