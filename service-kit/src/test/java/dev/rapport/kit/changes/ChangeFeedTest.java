package dev.rapport.kit.changes;

import dev.rapport.kit.KitTestResource;
import dev.rapport.kit.outbox.Audience;
import dev.rapport.kit.outbox.OutboxRelay;
import dev.rapport.kit.testapp.EventWriter;
import dev.rapport.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The changes feed on the real outbox, relay and database. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class ChangeFeedTest {

    private static final String FEED = ChangesResource.path("kit-test");

    @Inject
    EventWriter writer;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aClientFollowsTheWorkspacesChangesInOrderPageByPageAndResumesFromItsCursor() {
        String workspace = "feed-" + UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        for (int n = 0; n < 5; n++) {
            writer.append(workspace, subject, n);
        }
        String token = TestTokens.member(workspace);
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers(page(token, null, 10)).size() == 5);

        Response first = page(token, null, 2);
        assertEquals(List.of(0, 1), numbers(first));
        assertTrue(first.jsonPath().getBoolean("more"));
        String cursor = first.jsonPath().getString("cursor");
        assertTrue(first.header("Link").contains("after=" + cursor), first.header("Link"));
        assertEquals("dev.rapport.kit-test.numbered.v1", first.jsonPath().getString("items[0].type"));
        assertEquals(subject.toString(), first.jsonPath().getString("items[0].subject"));
        assertEquals("/rapport/kit-test", first.jsonPath().getString("items[0].source"));

        Response second = page(token, cursor, 2);
        assertEquals(List.of(2, 3), numbers(second));
        Response last = page(token, second.jsonPath().getString("cursor"), 2);
        assertEquals(List.of(4), numbers(last));
        assertFalse(last.jsonPath().getBoolean("more"));
        assertNull(last.header("Link"));
        String upToDate = last.jsonPath().getString("cursor");
        assertEquals(List.of(), numbers(page(token, upToDate, 2)), "nothing new yet");

        writer.append(workspace, subject, 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers(page(token, upToDate, 10)).equals(List.of(5)));
    }

    @Test
    void changesPrivateToAUserReachOnlyThatUserAndNoOtherWorkspaceSeesAny() {
        String workspace = "feed-" + UUID.randomUUID();
        String otherWorkspace = "feed-" + UUID.randomUUID();
        UUID subject = UUID.randomUUID();
        writer.append(workspace, subject, 0);
        writer.append(workspace, subject, 1, Audience.only("member-of-" + workspace));
        writer.append(workspace, subject, 2, Audience.only("other-member-of-" + workspace));
        writer.append(workspace, subject, 3, Audience.NOBODY);
        writer.append(otherWorkspace, subject, 4);
        writer.append(workspace, subject, 5);
        String member = TestTokens.member(workspace);
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers(page(member, null, 10)).contains(5));

        assertEquals(List.of(0, 1, 5), numbers(page(member, null, 10)));
        assertEquals(List.of(0, 2, 5), numbers(page(TestTokens.otherMember(workspace), null, 10)));
        assertEquals(List.of(0, 5), numbers(page(TestTokens.reader(workspace), null, 10)));
        assertEquals(List.of(4), numbers(page(TestTokens.member(otherWorkspace), null, 10)));
    }

    @Test
    void aCursorFromBeforePrunedChangesIsToldToResyncWhileAFreshStartReadsWhatIsKept() throws Exception {
        String workspace = "feed-" + UUID.randomUUID();
        String token = TestTokens.member(workspace);
        String before = page(token, null, 10).jsonPath().getString("cursor");
        UUID subject = UUID.randomUUID();
        writer.append(workspace, subject, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers(page(token, before, 10)).size() == 1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement age = connection.prepareStatement(
                     "update outbox_event set published_at = published_at - interval '8 days' where workspace_id = ?")) {
            age.setString(1, workspace);
            age.executeUpdate();
        }
        relay.prunePublished();
        writer.append(workspace, subject, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers(page(token, null, 10)).equals(List.of(1)));

        given().auth().oauth2(token).queryParam("after", before).get(FEED)
                .then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/changes-expired"))
                .body("detail", containsString("read everything again"));
    }

    @Test
    void aCursorThisFeedCannotHaveGivenIsRefused() {
        String token = TestTokens.member("feed-" + UUID.randomUUID());
        given().auth().oauth2(token).queryParam("after", "abc").get(FEED)
                .then().statusCode(422).body("violations[0].field", equalTo("after"));
        given().auth().oauth2(token).queryParam("after", "999999999999").get(FEED)
                .then().statusCode(422).body("violations[0].field", equalTo("after"));
        given().auth().oauth2(token).queryParam("limit", "0").get(FEED)
                .then().statusCode(422).body("violations[0].field", equalTo("limit"));
        given().get(FEED).then().statusCode(401);
    }

    private static Response page(String token, String after, int limit) {
        var request = given().auth().oauth2(token).queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        Response response = request.get(FEED);
        assertEquals(200, response.statusCode(), response.asString());
        return response;
    }

    private static List<Integer> numbers(Response page) {
        JsonPath json = page.jsonPath();
        return json.getList("items.data.n", Integer.class);
    }
}
