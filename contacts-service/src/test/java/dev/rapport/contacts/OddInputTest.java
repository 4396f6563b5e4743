package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input a fuzzer or a careless client sends: always a 4xx problem naming what is wrong, never a 500 or a cut stream. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class OddInputTest {

    private ContactsApi api;

    @BeforeEach
    void aWorkspace() {
        api = ContactsApi.member("odd-" + UUID.randomUUID());
    }

    @ParameterizedTest
    @ValueSource(strings = {"q", "tag", "company", "city", "owner"})
    void aNulInAListOrExportFilterIsA422NamingIt(String filter) {
        api.createId("{\"givenName\":\"Ada\"}");
        for (String path : List.of("/v1/contacts", "/v1/contacts/export")) {
            given().auth().oauth2(api.token()).urlEncodingEnabled(false).queryParam(filter, "a%00b").get(path)
                    .then().statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://rapport.dev/problems/validation"))
                    .body("violations.field", hasItem(filter));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "0000-12-31", "+10000-01-01"})
    void aDateOutsideTheCalendarRangeIsA422OnCreateAndPatch(String date) {
        api.create("{\"givenName\":\"Ada\",\"metOn\":\"" + date + "\"}").statusCode(422)
                .body("violations.field", hasItem("metOn"));
        String id = api.createId("{\"givenName\":\"Ada\",\"metOn\":\"1833-06-05\"}");
        api.patch(id, api.etag(id), "{\"metOn\":\"" + date + "\"}").statusCode(422)
                .body("violations.field", hasItem("metOn"));
        api.get(id).statusCode(200).body("metOn", equalTo("1833-06-05"));
        given().auth().oauth2(api.token()).contentType("application/merge-patch+json").header("If-Match", api.etag(id))
                .body("{\"company\":\"X\"}").queryParam("effectiveOn", date).patch("/v1/contacts/" + id)
                .then().statusCode(422).body("violations.field", hasItem("effectiveOn"));
        given().auth().oauth2(api.token()).queryParam("updatedSince", date).get("/v1/contacts")
                .then().statusCode(422).body("violations.field", hasItem("updatedSince"));
    }

    @Test
    void jsonWithTrailingContentOrADuplicateKeyIsA400() {
        for (String body : List.of("{\"givenName\":\"A\"} xyz", "{\"givenName\":\"A\"}{\"givenName\":\"B\"}",
                "{\"givenName\":\"A\",\"givenName\":\"B\"}", "{\"givenName\":\"A\\ud800\"}",
                "{\"givenName\":\"\\udc00A\"}")) {
            api.create(body).statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://rapport.dev/problems/malformed-request"));
        }
    }

    @Test
    void invalidUtf8IsA400NeverStoredAsAReplacementCharacter() {
        byte[] latin1 = "{\"givenName\":\"Ren\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        given().auth().oauth2(api.token()).contentType("application/json").body(latin1).post("/v1/contacts")
                .then().statusCode(400).body("detail", equalTo("The request body is not valid UTF-8"));
        given().auth().oauth2(api.token()).get("/v1/contacts").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aBrokenOrEmptyMultipartUploadIsA400() {
        for (byte[] body : List.of(new byte[0], "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.vcf\"\r\n\r\nBEGIN:VC"
                .getBytes(StandardCharsets.UTF_8), "not multipart at all".getBytes(StandardCharsets.UTF_8))) {
            given().auth().oauth2(api.token()).contentType("multipart/form-data; boundary=b").body(body).post("/v1/imports")
                    .then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://rapport.dev/problems/malformed-request"));
        }
    }

    @Test
    void aFormWithoutABoundaryIsA400AndOneWithTwoFilesA422() {
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"")) {
            given().auth().oauth2(api.token()).contentType(contentType).body("--\r\nabc".getBytes(StandardCharsets.UTF_8))
                    .post("/v1/imports").then().statusCode(400).body("type", equalTo("https://rapport.dev/problems/malformed-request"));
        }
        given().auth().oauth2(api.token())
                .multiPart("file", "a.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8), "text/vcard")
                .multiPart("file", "b.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8), "text/vcard")
                .post("/v1/imports").then().statusCode(422).body("violations.field", hasItem("file"));
    }

    @Test
    void randomBytesToAnyContactPathAreA4xxProblem() {
        String id = api.createId("{\"givenName\":\"Ada\"}");
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        for (String path : List.of("/v1/contacts/" + id + "/history", "/v1/contacts/" + id, "/v1/contacts")) {
            for (String type : List.of("application/json", "application/octet-stream", "application/merge-patch+json")) {
                for (String method : List.of("POST", "PATCH", "PUT")) {
                    Response response = given().auth().oauth2(api.token()).header("If-Match", "\"1\"")
                            .contentType(type).body(noise).request(method, path);
                    assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                            method + " " + path + " " + type + " answered " + response.statusCode());
                    assertTrue(response.contentType().startsWith("application/problem+json"), method + " " + path);
                }
            }
        }
    }

    @Test
    void labelsWithQuotesAndNewlinesExportAsVCardsThatReadBack() {
        api.createId("""
                {"givenName":"Quote","emails":[{"address":"q@example.org","label":"say \\"hi\\""}],
                 "phones":[{"number":"+44 20 7946 0958","label":"line one\\nline two"}]}""");
        api.createId("{\"givenName\":\"Plain\",\"emails\":[{\"address\":\"p@example.org\",\"label\":\"work\"}]}");
        for (String version : List.of("4.0", "3.0")) {
            Response response = given().auth().oauth2(api.token()).queryParam("version", version).get("/v1/contacts/export");
            assertEquals(200, response.statusCode());
            List<VCard> cards = Ezvcard.parse(response.asString()).all();
            assertEquals(2, cards.size(), "every contact exported in " + version);
            VCard quote = cards.stream().filter(c -> "Quote".equals(c.getStructuredName().getGiven())).findFirst().orElseThrow();
            // 4.0 carries them caret-encoded (RFC 6868); 3.0 cannot, and writes them plainly.
            boolean v4 = version.equals("4.0");
            assertEquals(v4 ? "say \"hi\"" : "say 'hi'", quote.getEmails().get(0).getTypes().get(0).getValue());
            assertEquals(v4 ? "line one\nline two" : "line one line two", quote.getTelephoneNumbers().get(0).getTypes().get(0).getValue());
        }
    }
}
