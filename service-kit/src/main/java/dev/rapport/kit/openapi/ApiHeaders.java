package dev.rapport.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The response headers Rapport sends, declared once in each API document ({@code components.headers}). A resource
 * method names the ones it sets: {@code @Header(name = ApiHeaders.ETAG, ref = ApiHeaders.ETAG)}.
 */
public final class ApiHeaders {

    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    public static final String LINK = "Link";
    public static final String LAST_MODIFIED = "Last-Modified";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";
    public static final String RATE_LIMIT_RESET = "RateLimit-Reset";

    private ApiHeaders() {
    }

    static Map<String, Header> all() {
        return Map.ofEntries(
                Map.entry(ETAG, header("The version you read; send it back in If-Match to change or delete what you read", "\"3\"")),
                Map.entry(LOCATION, header("Where the created resource, or the job, is", "/v1/contacts/0190f3c2-7b1e-7cc4-9f6a-3f1f2b9d1e11")),
                Map.entry(LINK, header("When there is a next page: its absolute URL, rel=\"next\" (the request with cursor=nextCursor)",
                        "<https://rapport.example.org/v1/contacts?limit=50&cursor=eyJ...>; rel=\"next\"")),
                Map.entry(LAST_MODIFIED, header("When this last changed", "Wed, 02 Dec 2026 09:30:00 GMT")),
                Map.entry(RETRY_AFTER, count("Seconds to wait before trying again", 5)),
                Map.entry(IDEMPOTENT_REPLAYED, header("true when this is the stored answer to an earlier request with the same "
                        + "Idempotency-Key and body: nothing was done again", "true")),
                Map.entry(WWW_AUTHENTICATE, header("Bearer: send a token from your identity provider", "Bearer")),
                Map.entry(CONTENT_DISPOSITION, header("The file name to save the download as", "attachment; filename=\"contacts.vcf\"")),
                Map.entry(RATE_LIMIT_LIMIT, count("The limit that was hit: requests at once (the bucket's size; it refills "
                        + "at a steady rate, rapport.rate-limit.*)", 1000)),
                Map.entry(RATE_LIMIT_REMAINING, count("Requests left under that limit now", 0)),
                Map.entry(RATE_LIMIT_RESET, count("Seconds until a request will be allowed again", 1)));
    }

    private static Header count(String description, int example) {
        return OASFactory.createHeader().description(description).example(example)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO));
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader().description(description).example(example)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
