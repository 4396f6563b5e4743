package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Google (vCard and CSV), Apple, Outlook 2.1 and LinkedIn exports of the same eight people (fixtures in
 * imports/same-people, see its README), imported into one workspace without a default phone region: each
 * person once, with every phone, email, birthday, profile, address and note, whatever the order; and a second
 * import of them all changes nothing.
 */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class SamePeopleImportTest {

    private record Export(String name, String contentType) {
    }

    private static final List<Export> EXPORTS = List.of(
            new Export("google.vcf", "text/vcard"), new Export("google.csv", "text/csv"),
            new Export("apple.vcf", "text/vcard"), new Export("outlook.vcf", "text/x-vcard"),
            new Export("linkedin.csv", "text/csv"));

    /** A person as every file together knows them. */
    private record Person(String name, Set<String> emails, Set<String> phones, String birthday, String city,
                          String country, String note, Set<String> profiles) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("Ada Lovelace", Set.of("ada@example.org"), Set.of("+442079460958"), "1975-12-10", "London", "GB",
                    "Poetical science", Set.of("x https://x.com/adalovelace", "linkedin https://www.linkedin.com/in/ada-lovelace")),
            new Person("Camille Martin", Set.of("camille@example.fr"), Set.of("+33142345678", "+33612345678"), "--04-12",
                    "Paris", "FR", "Préfère le français, café noir", Set.of("facebook https://www.facebook.com/camille.martin",
                    "linkedin https://www.linkedin.com/in/camille-martin")),
            new Person("Jürgen Müller", Set.of("juergen@example.de"), Set.of("+4915123456789", "+49301234567"), "1985-04-12",
                    "Berlin", "DE", "Café owner", Set.of("other flickr http://www.flickr.com/photos/jmueller",
                    "github https://github.com/jmueller", "linkedin https://www.linkedin.com/in/juergen-mueller")),
            new Person("Grace Hopper", Set.of("grace@example.com"), Set.of("+12125550147"), "1906-12-09", "New York", "US",
                    null, Set.of("x https://x.com/gracehopper", "linkedin https://www.linkedin.com/in/grace-hopper")),
            new Person("Yuki Tanaka", Set.of("yuki@example.jp"), Set.of("+81312345678", "+819012345678"), "--07-01",
                    "Tokyo", "JP", null, Set.of("other sinaweibo http://weibo.com/n/yukitanaka", "other tencentweibo @yukit",
                    "linkedin https://www.linkedin.com/in/yuki-tanaka")),
            new Person("Lucas Silva", Set.of("lucas@example.com.br"), Set.of("+5511912345678"), "1992-03-05", "São Paulo",
                    "BR", null, Set.of("other myspace http://www.myspace.com/lucassilva",
                    "other yelp http://www.yelp.com/user_details?userid=lucas-s", "instagram https://www.instagram.com/lucas.silva",
                    "linkedin https://www.linkedin.com/in/lucas-silva")),
            new Person("Siobhan Kelly", Set.of("siobhan@example.net"), Set.of("+14155550132"), "1988-11-30", null, null,
                    null, Set.of("mastodon https://hachyderm.io/@siobhan", "linkedin https://www.linkedin.com/in/siobhan-kelly")),
            new Person("Max Mustermann", Set.of("max@example.de"), Set.of("+49891234567"), "1980-02-29", null, null,
                    null, Set.of("linkedin https://www.linkedin.com/in/max-mustermann")));

    /** The file order, as indexes into {@link #EXPORTS}. */
    @ParameterizedTest
    @ValueSource(strings = {"0,1,2,3,4", "4,3,2,1,0", "2,4,0,3,1"})
    void everyPersonOnceWithNothingLostInAnyOrderAndASecondImportChangesNothing(String order) {
        ContactsApi api = ContactsApi.member("same-people-" + UUID.randomUUID());
        List<Export> exports = Arrays.stream(order.split(",")).map(i -> EXPORTS.get(Integer.parseInt(i))).toList();
        List<JsonPath> jobs = new ArrayList<>();
        for (Export export : exports) {
            JsonPath job = api.importFile(export.contentType(), ImportTest.fixture("same-people/" + export.name()), "");
            assertEquals("succeeded", job.getString("status"), job.prettify());
            assertEquals(0, job.getInt("counts.failed"), export.name() + ": " + job.prettify());
            assertEquals(8, job.getInt("counts.read"), export.name());
            jobs.add(job);
        }
        assertEquals(8, jobs.get(0).getInt("counts.created"), "the first file makes the eight contacts");
        jobs.stream().skip(1).forEach(job -> assertEquals(0, job.getInt("counts.created"), job.prettify()));

        List<Map<String, Object>> contacts = export(api);
        assertEquals(PEOPLE.stream().map(Person::name).sorted().toList(),
                contacts.stream().map(c -> (String) c.get("displayName")).sorted().toList());
        for (Person person : PEOPLE) {
            assertPerson(person, contacts.stream().filter(c -> person.name().equals(c.get("displayName"))).findFirst().orElseThrow());
        }
        Map<String, Object> grace = byName(contacts, "Grace Hopper");
        assertEquals(List.of(Map.of("url", "https://grace.example.com/blog", "kind", "blog", "primary", true)),
                websites(grace), "Google's item1.URL labelled Blog is a blog");
        assertReported(jobs, exports);

        String before = given().auth().oauth2(api.token()).get("/v1/contacts/export?format=json").then().extract().asString();
        for (Export export : exports) {
            JsonPath again = api.importFile(export.contentType(), ImportTest.fixture("same-people/" + export.name()), "");
            assertEquals(List.of(0, 0, 8), List.of(again.getInt("counts.created"), again.getInt("counts.updated"),
                    again.getInt("counts.skipped")), export.name() + " again: " + again.prettify());
        }
        assertEquals(before, given().auth().oauth2(api.token()).get("/v1/contacts/export?format=json").then().extract().asString(),
                "contacts and their versions are unchanged");
    }

    @SuppressWarnings("unchecked")
    private static void assertPerson(Person person, Map<String, Object> contact) {
        String who = person.name() + ": " + contact;
        List<Map<String, Object>> emails = (List<Map<String, Object>>) contact.get("emails");
        List<Map<String, Object>> phones = (List<Map<String, Object>>) contact.get("phones");
        List<Map<String, Object>> profiles = (List<Map<String, Object>>) contact.get("socialProfiles");
        assertEquals(person.emails(), emails.stream().map(e -> (String) e.get("address")).collect(Collectors.toSet()), who);
        assertEquals(person.phones().size(), phones.size(), "each phone once: " + who);
        assertEquals(person.phones(), phones.stream().map(p -> (String) p.get("number")).collect(Collectors.toSet()), who);
        assertTrue(phones.stream().allMatch(p -> Boolean.TRUE.equals(p.get("normalized"))), who);
        assertEquals(person.birthday(), birthday((Map<String, Object>) contact.get("birthday")), who);
        assertEquals(person.city(), contact.get("city"), who);
        assertEquals(person.country(), contact.get("country"), who);
        assertEquals(person.note(), contact.get("note"), who);
        assertEquals(person.profiles(), profiles.stream().map(SamePeopleImportTest::profile).collect(Collectors.toSet()), who);
        assertEquals(1, profiles.stream().filter(p -> Boolean.TRUE.equals(p.get("primary"))).count(), who);
    }

    /** "network url", with the network's name for another network, and its handle when it has no URL. */
    private static String profile(Map<String, Object> p) {
        String network = p.get("network").equals("other") ? "other " + p.get("label") : (String) p.get("network");
        return network + " " + (p.get("url") != null ? p.get("url") : "@" + p.get("handle"));
    }

    private static String birthday(Map<String, Object> b) {
        if (b == null) {
            return null;
        }
        return (b.get("year") == null ? "-" : String.format("%04d", (Integer) b.get("year")))
                + String.format("-%02d-%02d", (Integer) b.get("month"), (Integer) b.get("day"));
    }

    /**
     * What no field holds is reported on its row: Apple's photo and related name, Google's photo URL, and the one
     * number written without any country known (Max's in the Google CSV), kept as written until Outlook's
     * international form of it replaces it.
     */
    private static void assertReported(List<JsonPath> jobs, List<Export> exports) {
        JsonPath apple = jobs.get(exports.indexOf(EXPORTS.get(2)));
        List<String> ada = apple.getList("rows.find { it.row == 1 }.warnings");
        assertTrue(ada.contains("PHOTO not imported: pictures and sounds are not kept"), ada.toString());
        assertTrue(ada.contains("X-ABRELATEDNAMES 'Charles Babbage' not imported: Rapport has no field for it"), ada.toString());
        JsonPath csv = jobs.get(exports.indexOf(EXPORTS.get(1)));
        assertTrue(csv.getList("rows.find { it.row == 1 }.warnings").contains(
                "Photo 'https://lh3.googleusercontent.com/contacts/ada-photo' not imported: pictures are not kept"), csv.prettify());
        assertTrue(csv.getList("rows.find { it.row == 8 }.warnings").contains("phone '089 1234567' kept as written, not normalised: "
                + "it has no country code and no country is known for it"), csv.prettify());
        List<String> outlookWarnings = jobs.get(exports.indexOf(EXPORTS.get(3))).getList("rows.warnings.flatten()");
        List<String> googleWarnings = jobs.get(exports.indexOf(EXPORTS.get(0))).getList("rows.warnings.flatten()");
        assertEquals(List.of(), outlookWarnings.stream().filter(w -> !w.contains("not imported: the contact has")).toList(),
                "Outlook's cards are placed whole");
        assertEquals(List.of(), googleWarnings.stream().filter(w -> !w.contains("not imported: the contact has")).toList(),
                "Google's cards are placed whole");
    }

    private static List<Map<String, Object>> export(ContactsApi api) {
        return given().auth().oauth2(api.token()).get("/v1/contacts/export?format=json").then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    private static Map<String, Object> byName(List<Map<String, Object>> contacts, String name) {
        return contacts.stream().filter(c -> name.equals(c.get("displayName"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> websites(Map<String, Object> contact) {
        List<Map<String, Object>> sites = new ArrayList<>((List<Map<String, Object>>) contact.get("websites"));
        sites.forEach(site -> site.values().removeIf(v -> v == null));
        return sites;
    }
}
