package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Candidate duplicates: shared normalised contact points, or similar names at the same company. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class DuplicateTest {

    private ContactsApi api;

    @BeforeEach
    void freshWorkspace() {
        api = ContactsApi.member("dupes-" + UUID.randomUUID());
        given().auth().oauth2(TestTokens.admin(api.workspace())).contentType(ContentType.JSON)
                .body("{\"defaultPhoneRegion\":\"GB\"}").put("/v1/settings").then().statusCode(200);
    }

    private JsonPath duplicates() {
        return given().auth().oauth2(api.token()).get("/v1/contacts/duplicates").then().statusCode(200).extract().jsonPath();
    }

    private static Set<String> pair(JsonPath found, int i) {
        return Set.of(found.getString("[" + i + "].a.id"), found.getString("[" + i + "].b.id"));
    }

    @Test
    void theSameEmailWrittenDifferentlyIsADuplicate() {
        String a = api.createId("{\"displayName\":\"Ada L\",\"emails\":[{\"address\":\"Ada@Example.org\"}]}");
        String b = api.createId("{\"displayName\":\"Countess of Lovelace\",\"emails\":[{\"address\":\"ada@example.org\"}]}");
        api.createId("{\"displayName\":\"Someone Else\",\"emails\":[{\"address\":\"else@example.org\"}]}");
        JsonPath found = duplicates();
        assertEquals(1, found.getList("").size(), found.prettify());
        assertEquals(Set.of(a, b), pair(found, 0));
        assertEquals(List.of("same email ada@example.org"), found.getList("[0].reasons"));
        assertEquals(0.9, found.getDouble("[0].score"), 0.001);
    }

    @Test
    void aPhoneInNationalAndInternationalFormIsOneNumber() {
        String a = api.createId("{\"displayName\":\"P One\",\"phones\":[{\"number\":\"020 7946 0958\"}]}");
        String b = api.createId("{\"displayName\":\"P Two\",\"phones\":[{\"number\":\"+44 20 7946 0958\"}]}");
        JsonPath found = duplicates();
        assertEquals(Set.of(a, b), pair(found, 0));
        assertEquals(List.of("same phone +442079460958"), found.getList("[0].reasons"));
    }

    @Test
    void aLinkedInProfileByHandleOrUrlIsOneProfile() {
        String a = api.createId("{\"displayName\":\"L One\",\"socialProfiles\":[{\"network\":\"linkedin\",\"handle\":\"radia-perlman\"}]}");
        String b = api.createId("{\"displayName\":\"L Two\",\"socialProfiles\":[{\"network\":\"linkedin\",\"url\":\"https://linkedin.com/in/Radia-Perlman/\"}]}");
        assertEquals(Set.of(a, b), pair(duplicates(), 0));
    }

    @Test
    void similarNamesCountOnlyAtTheSameCompanyAndMoreEvidenceScoresHigher() {
        String a = api.createId("{\"displayName\":\"Katherine Johnson\",\"company\":\"NASA\",\"emails\":[{\"address\":\"kj@nasa.example\"}]}");
        String b = api.createId("{\"displayName\":\"Katherine G. Johnson\",\"company\":\"nasa\",\"emails\":[{\"address\":\"kj@nasa.example\"}]}");
        String c = api.createId("{\"displayName\":\"Katherine Johnson\",\"company\":\"Langley\"}");
        String d = api.createId("{\"displayName\":\"Katharine Johnson\",\"company\":\"Langley\"}");
        JsonPath found = duplicates();
        assertEquals(2, found.getList("").size(), found.prettify());
        assertEquals(Set.of(a, b), pair(found, 0));
        assertEquals(2, found.getList("[0].reasons").size());
        assertEquals(Set.of(c, d), pair(found, 1));
        assertTrue(found.getString("[1].reasons[0]").startsWith("similar names at the same company"), found.prettify());
        assertTrue(found.getDouble("[0].score") > found.getDouble("[1].score"));
    }

    @Test
    void neitherAnotherWorkspaceNorAnotherUsersPrivateContactsAreCompared() {
        api.createId("{\"displayName\":\"Mine\",\"emails\":[{\"address\":\"shared@example.org\"}]}");
        ContactsApi.member("dupes-other-" + UUID.randomUUID()).createId("{\"displayName\":\"Theirs\",\"emails\":[{\"address\":\"shared@example.org\"}]}");
        ContactsApi colleague = new ContactsApi(api.workspace(), TestTokens.otherMember(api.workspace()));
        colleague.createId("{\"displayName\":\"Colleague's secret\",\"visibility\":\"private\",\"emails\":[{\"address\":\"shared@example.org\"}]}");
        assertEquals(0, duplicates().getList("").size());
        assertEquals(1, given().auth().oauth2(colleague.token()).get("/v1/contacts/duplicates").then().extract().jsonPath().getList("").size());
    }
}
