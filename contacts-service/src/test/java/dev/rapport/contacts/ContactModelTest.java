package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The contact model: what is stored, how it is normalised, and what bad input gets back. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactModelTest {

    private final ContactsApi api = ContactsApi.member("model-" + UUID.randomUUID());

    @Test
    void everyFieldRoundTripsNormalised() {
        String id = api.createId("""
                {"givenName":"Ada","familyName":"Lovelace","nickname":"Countess","pronouns":"she/her",
                 "emails":[{"address":"Ada@Example.ORG","label":"Personal"},{"address":"ada@work.example","label":"work","primary":true}],
                 "phones":[{"number":"+44 20 7946 0958","label":"mobile"}],
                 "socialProfiles":[{"network":"linkedin","url":"https://linkedin.com/in/Ada-Lovelace/?trk=x"},
                                   {"network":"x","handle":"@AdaL"},
                                   {"network":"mastodon","url":"https://Hachyderm.io/@ada"},
                                   {"network":"github","url":"github.com/ada"}],
                 "websites":[{"url":"HTTPS://Ada.Example.org/blog/","kind":"blog"}],
                 "company":"Analytical Engines","title":"CTO","department":"R&D",
                 "city":"London","region":"England","country":"gb","address":"12 St James's Square",
                 "birthday":{"month":12,"day":10},"howWeMet":"Introduced by Charles","metAt":"Royal Society",
                 "metOn":"1833-06-05","relationship":"both","note":"Poetical science","tags":["Mathematicians"]}
                """);
        api.get(id).statusCode(200)
                .body("displayName", equalTo("Ada Lovelace"))
                .body("emails.address", containsInAnyOrder("ada@example.org", "ada@work.example"))
                .body("emails.find { it.primary }.address", equalTo("ada@work.example"))
                .body("emails.find { it.address == 'ada@example.org' }.label", equalTo("personal"))
                .body("phones[0].number", equalTo("+442079460958"))
                .body("phones[0].original", equalTo("+44 20 7946 0958"))
                .body("phones[0].primary", equalTo(true))
                .body("socialProfiles.url", containsInAnyOrder("https://www.linkedin.com/in/ada-lovelace", "https://x.com/adal",
                        "https://hachyderm.io/@ada", "https://github.com/ada"))
                .body("socialProfiles.find { it.network == 'mastodon' }.handle", equalTo("@ada@hachyderm.io"))
                .body("websites[0].url", equalTo("https://ada.example.org/blog"))
                .body("country", equalTo("GB"))
                .body("birthday.month", equalTo(12)).body("birthday.day", equalTo(10)).body("birthday.year", nullValue())
                .body("metOn", equalTo("1833-06-05"))
                .body("relationship", equalTo("both"))
                .body("tags", equalTo(java.util.List.of("Mathematicians")))
                .body("visibility", equalTo("workspace"))
                .body("ownerId", equalTo("member-of-" + api.workspace()));
    }

    @Test
    void aNationalNumberIsReadInTheContactsCountryAndKeptAsWrittenWhenNoCountryIsKnown() {
        // No country anywhere: kept as written, flagged, never refused (issue 11).
        String unknown = api.createId("{\"displayName\":\"Local\",\"phones\":[{\"number\":\"020 7946 0958\"}]}");
        api.get(unknown).body("phones[0].number", nullValue()).body("phones[0].normalized", equalTo(false))
                .body("phones[0].original", equalTo("020 7946 0958"));
        // The contact's own country, then the region of another of its numbers.
        String paris = api.createId("{\"displayName\":\"Paris\",\"country\":\"FR\",\"phones\":[{\"number\":\"01 42 34 56 78\"}]}");
        api.get(paris).body("phones[0].number", equalTo("+33142345678")).body("phones[0].normalized", equalTo(true));
        String berlin = api.createId("{\"displayName\":\"Berlin\",\"phones\":[{\"number\":\"0151 23456789\"},{\"number\":\"+49 30 1234567\"}]}");
        api.get(berlin).body("phones.number", equalTo(java.util.List.of("+4915123456789", "+49301234567")));
        // Plainly wrong for the country known: still a 422.
        api.create("{\"displayName\":\"Wrong\",\"country\":\"FR\",\"phones\":[{\"number\":\"020 7946 0958\"}]}")
                .statusCode(422)
                .body("violations.field", hasItem("phones[0]"))
                .body("violations.message", hasItem(containsString("region FR")));

        given().auth().oauth2(TestTokens.admin(api.workspace())).contentType(ContentType.JSON)
                .body("{\"defaultPhoneRegion\":\"gb\"}").put("/v1/settings")
                .then().statusCode(200).body("defaultPhoneRegion", equalTo("GB"));

        String id = api.createId("{\"displayName\":\"Local\",\"phones\":[{\"number\":\"020 7946 0958\"}]}");
        api.get(id).body("phones[0].number", equalTo("+442079460958")).body("phones[0].original", equalTo("020 7946 0958"));
    }

    @Test
    void aLegacyOrUnknownSocialNetworkIsNeverRefused() {
        String id = api.createId("""
                {"displayName":"Networks","socialProfiles":[{"network":"twitter","url":"https://twitter.com/Ada"},
                 {"network":"flickr","url":"https://www.flickr.com/photos/ada","handle":"ada"},{"network":"myspace","handle":"ada"}]}
                """);
        api.get(id).body("socialProfiles[0].network", equalTo("x")).body("socialProfiles[0].url", equalTo("https://x.com/ada"))
                .body("socialProfiles[1].network", equalTo("other")).body("socialProfiles[1].label", equalTo("flickr"))
                .body("socialProfiles[1].url", equalTo("https://www.flickr.com/photos/ada"))
                .body("socialProfiles[2].network", equalTo("other")).body("socialProfiles[2].label", equalTo("myspace"))
                .body("socialProfiles[2].handle", equalTo("ada")).body("socialProfiles[2].url", nullValue());
    }

    @Test
    void onlyAnAdminSetsWorkspaceSettings() {
        given().auth().oauth2(TestTokens.member(api.workspace())).contentType(ContentType.JSON)
                .body("{\"defaultPhoneRegion\":\"US\"}").put("/v1/settings")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(api.workspace())).contentType(ContentType.JSON)
                .body("{\"defaultPhoneRegion\":\"XX\"}").put("/v1/settings")
                .then().statusCode(422).body("violations[0].field", equalTo("defaultPhoneRegion"));
    }

    @Test
    void aDisplayNameIsDerivedUntilOneIsSet() {
        String id = api.createId("{\"givenName\":\"Grace\",\"familyName\":\"Hopper\"}");
        api.get(id).body("displayName", equalTo("Grace Hopper"));
        String emailOnly = api.createId("{\"emails\":[{\"address\":\"someone@example.org\"}]}");
        api.get(emailOnly).body("displayName", equalTo("someone@example.org"));
    }

    @Test
    void aContactWithNothingToKnowThemByIsRejected() {
        api.create("{\"company\":\"Acme\"}").statusCode(422)
                .body("violations.field", hasItem("displayName"));
    }

    @Test
    void everyInvalidFieldIsListedInOne422AndNothingIsWritten() {
        String before = given().auth().oauth2(api.token()).get("/v1/contacts?limit=200").then().extract().asString();
        api.create("""
                {"displayName":"Broken","emails":[{"address":"not-an-email"}],"phones":[{"number":"+1 555"}],
                 "socialProfiles":[{"network":"linkedin","url":"https://example.org/x"}],"websites":[{"url":"ftp://files.example.org"}],
                 "country":"ZZ","birthday":{"month":2,"day":30},"metOn":"yesterday","relationship":"enemy",
                 "visibility":"public"}
                """)
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://rapport.dev/problems/validation"))
                .body("violations.field", containsInAnyOrder("emails[0].address", "phones[0]", "socialProfiles[0]",
                        "websites[0]", "country", "birthday", "metOn", "relationship", "visibility"));
        given().auth().oauth2(api.token()).get("/v1/contacts?limit=200").then().body(equalTo(before));
    }

    @Test
    void unknownFieldsAreRejectedNotIgnored() {
        api.create("{\"displayName\":\"Typo\",\"emial\":\"a@example.org\"}")
                .statusCode(422)
                .body("violations[0].field", equalTo("emial"))
                .body("violations[0].message", equalTo("is not a known field"));
    }

    @Test
    void aValueOfTheWrongTypeIsA422NamingTheField() {
        api.create("{\"displayName\":\"Typed\",\"birthday\":{\"month\":\"December\",\"day\":10}}")
                .statusCode(422)
                .body("violations[0].field", equalTo("birthday.month"));
    }

    @Test
    void malformedJsonIsA400() {
        api.create("{\"displayName\":").statusCode(400)
                .contentType(startsWith("application/problem+json"));
        api.create("[1,2]").statusCode(400);
    }

    @Test
    void aBodyOverOneMebibyteIsA413() {
        String note = "x".repeat(1024 * 1024 + 10);
        api.create("{\"displayName\":\"Big\",\"note\":\"" + note + "\"}").statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(413));
    }

    @Test
    void twoPrimaryEmailsAreRejected() {
        api.create("{\"displayName\":\"Two\",\"emails\":[{\"address\":\"a@example.org\",\"primary\":true},"
                        + "{\"address\":\"b@example.org\",\"primary\":true}]}")
                .statusCode(422).body("violations.field", hasItem("emails"));
    }

    @Test
    void theSameEmailTwiceIsKeptOnce() {
        String id = api.createId("{\"displayName\":\"Dup\",\"emails\":[{\"address\":\"a@example.org\"},{\"address\":\"A@example.org\"}]}");
        api.get(id).body("emails", hasSize(1));
    }

    @Test
    void aBirthdayYearAfterThisOneOrBefore1850IsA422OnTheYearSayingWhichAndTheOpenApiSaysTheSame() {
        int next = java.time.Year.now().getValue() + 1;
        api.create("{\"displayName\":\"Future\",\"birthday\":{\"month\":1,\"day\":1,\"year\":" + next + "}}")
                .statusCode(422).body("violations[0].field", equalTo("birthday.year"))
                .body("violations[0].message", equalTo("is in the future"));
        api.create("{\"displayName\":\"Old\",\"birthday\":{\"month\":1,\"day\":1,\"year\":1849}}")
                .statusCode(422).body("violations[0].field", equalTo("birthday.year"))
                .body("violations[0].message", equalTo("must be 1850 or later"));
        api.create("{\"displayName\":\"Thirtieth\",\"birthday\":{\"month\":2,\"day\":30}}")
                .statusCode(422).body("violations[0].field", equalTo("birthday"))
                .body("violations[0].message", equalTo("is not a real date"));
        api.create("{\"displayName\":\"Far\",\"birthday\":{\"month\":1,\"day\":1,\"year\":2000000000}}")
                .statusCode(422).body("violations[0].field", equalTo("birthday.year"));
        api.createId("{\"displayName\":\"Edge\",\"birthday\":{\"month\":1,\"day\":1,\"year\":1850}}");
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.BirthdayInput.properties.year.minimum", equalTo(1850))
                .body("components.schemas.BirthdayInput.properties.year.maximum", nullValue());
    }

    @Test
    void aLeapDayBirthdayWithoutAYearIsValidButNotInANonLeapYear() {
        api.createId("{\"displayName\":\"Leap\",\"birthday\":{\"month\":2,\"day\":29}}");
        api.create("{\"displayName\":\"Leap\",\"birthday\":{\"month\":2,\"day\":29,\"year\":2001}}")
                .statusCode(422).body("violations[0].field", equalTo("birthday"));
    }
}
