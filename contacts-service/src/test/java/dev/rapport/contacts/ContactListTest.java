package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Listing, searching, filtering and paging contacts; never across workspaces or into others' private contacts. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactListTest {

    private ContactsApi api;

    @BeforeEach
    void freshWorkspace() {
        api = ContactsApi.member("list-" + UUID.randomUUID());
    }

    private ValidatableResponse list(String query) {
        return given().auth().oauth2(api.token()).get("/v1/contacts" + query).then().statusCode(200);
    }

    /** Each page's display names, following nextCursor (and checking the Link header says so) to the last page. */
    private List<List<String>> allPages(String query) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            ValidatableResponse page = list(query + (cursor == null ? "" : "&cursor=" + cursor));
            pages.add(page.extract().path("items.displayName"));
            cursor = page.extract().path("nextCursor");
            if (cursor != null) {
                page.header("Link", containsString("rel=\"next\""));
            }
        } while (cursor != null);
        return pages;
    }

    /** Every name seen exactly once; sorted by name (either way), seen in that order. */
    private static void assertEachOnceInOrder(String sort, List<String> names, List<String> seen) {
        assertEquals(names.size(), new HashSet<>(seen).size(), sort + ": " + seen);
        if (sort.equals("name")) {
            assertEquals(names.stream().sorted().toList(), seen);
        }
        if (sort.equals("-name")) {
            assertEquals(names.stream().sorted(java.util.Comparator.reverseOrder()).toList(), seen);
        }
    }

    @Test
    void searchIgnoresCaseAndAccentsAcrossNamesEmailsPhonesCompanyTagsAndNotes() {
        api.createId("{\"displayName\":\"Zoë Ångström\",\"emails\":[{\"address\":\"zoe@fjord.example\"}]}");
        api.createId("{\"displayName\":\"Phone Person\",\"phones\":[{\"number\":\"+1 415 555 2671\"}]}");
        api.createId("{\"displayName\":\"Works Somewhere\",\"company\":\"Crème Brûlée Inc\",\"title\":\"Pâtissier\"}");
        api.createId("{\"displayName\":\"Tagged\",\"tags\":[\"Investors\"],\"note\":\"met at the Rust meetup\"}");

        list("?q=zoe angstrom").body("items.displayName", contains("Zoë Ångström"));
        list("?q=FJORD").body("items.displayName", contains("Zoë Ångström"));
        list("?q=4155552671").body("items.displayName", contains("Phone Person"));
        list("?q=creme brulee").body("items.displayName", contains("Works Somewhere"));
        list("?q=patissier").body("items.displayName", contains("Works Somewhere"));
        list("?q=investors").body("items.displayName", contains("Tagged"));
        list("?q=rust meetup").body("items.displayName", contains("Tagged"));
        list("?q=nobody-has-this").body("items", hasSize(0));
        list("?q=100%25").body("items", hasSize(0));
    }

    @Test
    void filtersNarrowTheList() {
        api.createId("{\"displayName\":\"A\",\"company\":\"Acme\",\"city\":\"Oslo\",\"relationship\":\"professional\",\"tags\":[\"vip\"],\"birthday\":{\"month\":12,\"day\":28}}");
        api.createId("{\"displayName\":\"B\",\"company\":\"ACME\",\"city\":\"Bergen\",\"relationship\":\"personal\",\"birthday\":{\"month\":1,\"day\":5}}");
        api.createId("{\"displayName\":\"C\",\"company\":\"Initech\",\"city\":\"Oslo\",\"relationship\":\"both\",\"tags\":[\"VIP\"],\"birthday\":{\"month\":6,\"day\":1}}");

        list("?company=acme").body("items.displayName", contains("A", "B"));
        list("?city=oslo").body("items.displayName", contains("A", "C"));
        list("?relationship=personal").body("items.displayName", contains("B"));
        list("?tag=Vip").body("items.displayName", contains("A", "C"));
        list("?tag=unknown").body("items", hasSize(0));
        list("?birthdayBetween=12-20..01-10").body("items.displayName", contains("A", "B"));
        list("?birthdayBetween=05-01..06-30").body("items.displayName", contains("C"));
        list("?owner=me").body("items", hasSize(3));
        list("?owner=someone-else").body("items", hasSize(0));
        list("?updatedSince=2999-01-01").body("items", hasSize(0));
        list("?updatedSince=2000-01-01T00:00:00Z").body("items", hasSize(3));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeatsInEverySortOrder() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String name = "Person " + (char) ('a' + (i * 7) % 23);
            names.add(name);
            api.createId("{\"displayName\":\"" + name + "\"}");
        }
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt")) {
            List<List<String>> pages = allPages("?limit=5&sort=" + sort);
            List<String> seen = pages.stream().flatMap(List::stream).toList();
            assertEquals(5, pages.size(), sort);
            assertEachOnceInOrder(sort, names, seen);
        }
    }

    @Test
    void searchPagesFollowTheCursorInEverySortOrder() {
        // Full pages of a search come from the first contacts in the page's order, a last, partial one through the
        // trigram index: both in the same order, without gaps or repeats.
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            String name = "Person " + (char) ('a' + (i * 5) % 14);
            matching.add(name);
            api.createId("{\"displayName\":\"" + name + "\",\"company\":\"Acme\"}");
            api.createId("{\"displayName\":\"" + name + " too\",\"company\":\"Initech\"}");
        }
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt")) {
            List<String> seen = allPages("?q=acme&limit=4&sort=" + sort).stream().flatMap(List::stream).toList();
            assertEquals(14, seen.size(), sort + ": " + seen);
            assertEachOnceInOrder(sort, matching, seen);
        }
    }

    @Test
    void badParametersAreOne422ListingEach() {
        given().auth().oauth2(api.token()).get("/v1/contacts?sort=age&limit=0&relationship=rival&birthdayBetween=13-01&cursor=%%%&updatedSince=soon")
                .then().statusCode(422)
                .body("violations.field", containsInAnyOrder("sort", "limit", "relationship", "birthdayBetween", "cursor", "updatedSince"));
    }

    @Test
    void aLimitThatIsNotANumberIsA422NotA404() {
        given().auth().oauth2(api.token()).get("/v1/contacts?limit=lots")
                .then().statusCode(422).body("violations[0].field", equalTo("limit"));
    }

    @Test
    void anIdThatIsNotAUuidIsA404Problem() {
        given().auth().oauth2(api.token()).get("/v1/contacts/not-a-uuid")
                .then().statusCode(404).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }

    @Test
    void aCursorFromAnotherSortIsRejected() {
        for (int i = 0; i < 3; i++) {
            api.createId("{\"displayName\":\"P" + i + "\"}");
        }
        String cursor = list("?limit=1&sort=name").extract().path("nextCursor");
        given().auth().oauth2(api.token()).get("/v1/contacts?sort=createdAt&cursor=" + cursor)
                .then().statusCode(422).body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void privateContactsAreSeenOnlyByTheirOwner() {
        String secret = api.createId("{\"displayName\":\"Secret Friend\",\"visibility\":\"private\"}");
        api.createId("{\"displayName\":\"Shared Friend\"}");
        ContactsApi colleague = new ContactsApi(api.workspace(), TestTokens.otherMember(api.workspace()));

        list("").body("items.displayName", contains("Secret Friend", "Shared Friend"));
        given().auth().oauth2(colleague.token()).get("/v1/contacts?q=friend").then()
                .body("items.displayName", contains("Shared Friend"));
        colleague.get(secret).statusCode(404);
        colleague.patch(secret, "\"0\"", "{\"note\":\"peek\"}").statusCode(404);
        api.get(secret).statusCode(200).body("visibility", equalTo("private"));
    }

    @Test
    void listsAndSearchesNeverReturnAnotherWorkspacesContacts() {
        api.createId("{\"displayName\":\"Only Mine Unique\",\"tags\":[\"shared-tag-name\"]}");
        ContactsApi stranger = ContactsApi.member("list-stranger-" + UUID.randomUUID());
        stranger.createId("{\"displayName\":\"Stranger's Own\"}");
        given().auth().oauth2(stranger.token()).get("/v1/contacts?q=only mine unique").then().body("items", hasSize(0));
        given().auth().oauth2(stranger.token()).get("/v1/contacts?tag=shared-tag-name").then().body("items", hasSize(0));
        given().auth().oauth2(stranger.token()).get("/v1/contacts").then().body("items.displayName", contains("Stranger's Own"));
        given().auth().oauth2(stranger.token()).get("/v1/tags").then().body("name", hasSize(0));
    }

    @Test
    void anEmptyWorkspaceHasAnEmptyFirstPageAndNoCursor() {
        list("").body("items", hasSize(0)).body("nextCursor", nullValue()).header("Link", nullValue());
    }
}
