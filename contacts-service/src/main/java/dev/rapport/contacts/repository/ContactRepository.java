package dev.rapport.contacts.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.Visibility;
import dev.rapport.kit.sql.SqlTimes;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Contacts of the current workspace (Hibernate adds the tenant filter), as the given user may see them. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How many contacts, in a page's order, a search looks through first: see {@link #list}. */
    private static final int SEARCH_WINDOW = 1000;

    @Inject
    WorkspaceSql sql;

    /**
     * In SQL rather than {@code findById()} or a query: with the tenant filter on, Hibernate builds a new loader for
     * every {@code find()} and translates every entity query again (15% of a GET's CPU).
     */
    public Optional<Contact> findVisible(UUID id, String user) {
        return sql.query("select * from contact where workspace_id = :workspace and id = :id", Contact.class)
                .set("id", id).<Contact>first().filter(contact -> contact.visibleTo(user));
    }

    /**
     * A search first looks for its page among the next {@value #SEARCH_WINDOW} contacts in the page's order, read
     * along the sort index: a term most contacts share (a company, a common name) fills a page there in a fraction of
     * a millisecond, where the trigram index found all its thousands of matches and sorted them (20-25 ms for 7,000
     * of 100,000 contacts). A rarer term, or one whose matches sort late, is looked up through the trigram index.
     */
    public List<Contact> list(ContactQuery query, String user) {
        if (!query.terms().isEmpty()) {
            List<Contact> early = query(query, user, SEARCH_WINDOW).set("limit", query.limit()).list();
            if (early.size() == query.limit()) {
                return early;
            }
        }
        return query(query, user, 0).set("limit", query.limit()).list();
    }

    /** Every contact the query finds, read-only and fetched in batches, for exports that stream them all. */
    public Stream<Contact> stream(ContactQuery query, String user) {
        return query(query, user, -1)
                .hint(HibernateHints.HINT_READ_ONLY, true)
                .hint(HibernateHints.HINT_FETCH_SIZE, 500)
                .stream();
    }

    /** Every contact of the workspace, whoever may see it, read-only and fetched in batches. */
    public Stream<Contact> streamAll() {
        return find("order by id")
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .withHint(HibernateHints.HINT_FETCH_SIZE, 500)
                .stream();
    }

    /**
     * In SQL, not HQL: Hibernate translates a query again on every run while the tenant filter is on.
     *
     * @param window the number of contacts in the page's order to search among, bound as {@code :window}; 0 for
     *               all, with a page size to bind as {@code :limit}; -1 for all, without one
     */
    private WorkspaceSql.Statement query(ContactQuery query, String user, int window) {
        StringBuilder where = new StringBuilder("(c.visibility = :workspaceWide or c.owner_id = :user)");
        Map<String, Object> params = new HashMap<>();
        params.put("workspaceWide", Visibility.WORKSPACE.name());
        params.put("user", user);
        for (int i = 0; i < query.terms().size(); i++) {
            where.append(" and c.search_text like :term").append(i).append(" escape '\\'");
            params.put("term" + i, "%" + escapeLike(query.terms().get(i)) + "%");
        }
        if (query.tag() != null) {
            where.append(" and c.tags @> array[cast(:tag as text)]");
            params.put("tag", query.tag());
        }
        if (query.company() != null) {
            where.append(" and lower(c.company) = lower(:company)");
            params.put("company", query.company());
        }
        if (query.city() != null) {
            where.append(" and lower(c.city) = lower(:city)");
            params.put("city", query.city());
        }
        if (query.relationship() != null) {
            where.append(" and c.relationship = :relationship");
            params.put("relationship", query.relationship().name());
        }
        if (query.owner() != null) {
            where.append(" and c.owner_id = :owner");
            params.put("owner", query.owner());
        }
        if (query.updatedSince() != null) {
            where.append(" and c.updated_at >= :updatedSince");
            params.put("updatedSince", query.updatedSince());
        }
        if (query.birthdayFrom() != null) {
            int from = query.birthdayFrom().getMonthValue() * 100 + query.birthdayFrom().getDayOfMonth();
            int to = query.birthdayTo().getMonthValue() * 100 + query.birthdayTo().getDayOfMonth();
            // A range across New Year (12-20..01-10) is two ranges.
            where.append(from <= to
                    ? " and (c.birthday_month * 100 + c.birthday_day) between :bdFrom and :bdTo"
                    : " and ((c.birthday_month * 100 + c.birthday_day) >= :bdFrom or (c.birthday_month * 100 + c.birthday_day) <= :bdTo)");
            params.put("bdFrom", from);
            params.put("bdTo", to);
        }
        ContactQuery.Sort sort = query.sort();
        String column = switch (sort) {
            case NAME, NAME_DESC -> "sort_name";
            case UPDATED, UPDATED_DESC -> "updated_at";
            case CREATED, CREATED_DESC -> "created_at";
        };
        String direction = sort.descending ? " desc" : "";
        String after = "";
        if (query.afterId() != null) {
            String op = sort.descending ? "<" : ">";
            after = " and (c.%1$s %2$s :afterValue or (c.%1$s = :afterValue and c.id %2$s :afterId))".formatted(column, op);
            params.put("afterValue", sort.byTime() ? Instant.parse(query.afterValue()) : query.afterValue());
            params.put("afterId", query.afterId());
        }
        String order = " order by c.%1$s%2$s, c.id%2$s".formatted(column, direction);
        String from = "contact c";
        if (window > 0) {
            from = "(select * from contact c where c.workspace_id = :workspace" + after + order + " limit :window) c";
            after = "";
            params.put("window", window);
        } else if (!query.terms().isEmpty()) {
            // Ordered by an expression, PostgreSQL finds the matches through the trigram index and sorts them, instead
            // of walking the sort index and testing every contact until a page is full (slow when the matches sort
            // late, e.g. "maria" by name).
            order = " order by coalesce(c.%1$s, c.%1$s)%2$s, c.id%2$s".formatted(column, direction);
        }
        WorkspaceSql.Statement statement = sql.query("select c.* from " + from + " where c.workspace_id = :workspace and "
                + where + after + order + (window >= 0 ? " limit :limit" : ""), Contact.class);
        params.forEach(statement::set);
        return statement;
    }

    /** A contact holding some of the emails, phones or profile URLs asked for, with all of its own. */
    public record PointHolder(UUID id, Instant createdAt, List<String> emails, List<String> phones, List<String> profileUrls) {
    }

    /**
     * The contacts the user can see that share a normalised email, phone or social profile URL with the given
     * ones, in the current workspace: one statement whose text never changes, each value looked up through its GIN
     * index (jsonb containment) in a nested loop. An {@code or} of one condition per value cost PostgreSQL 70 ms
     * and more of planning alone for a few hundred values, on every import batch.
     *
     * <p>Each value is a fenced lookup with the workspace checked on what it finds (see {@link WorkspaceSql} on
     * looking up many values): joined, a workspace's first 10,000-card import spent 19 of its 43 s here, 384 ms a
     * batch.
     */
    public List<PointHolder> holding(List<String> emails, List<String> phones, List<String> profileUrls, String user) {
        if (emails.isEmpty() && phones.isEmpty() && profileUrls.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = sql.query("""
                        select c.id, c.created_at, cast(jsonb_path_query_array(c.emails, '$[*].address') as text),
                               cast(jsonb_path_query_array(c.phones, '$[*].number') as text),
                               cast(jsonb_path_query_array(c.social_profiles, '$[*].url') as text)
                          from contact c
                         where c.workspace_id = :workspace and (c.visibility = 'WORKSPACE' or c.owner_id = :user)
                           and c.id in (
                               select h.id from jsonb_array_elements_text(cast(:emails as jsonb)) v
                                cross join lateral (select id, workspace_id from contact
                                                     where emails @> jsonb_build_array(jsonb_build_object('address', v))
                                                    offset 0) h
                                where h.workspace_id = :workspace
                               union
                               select h.id from jsonb_array_elements_text(cast(:phones as jsonb)) v
                                cross join lateral (select id, workspace_id from contact
                                                     where phones @> jsonb_build_array(jsonb_build_object('number', v))
                                                    offset 0) h
                                where h.workspace_id = :workspace
                               union
                               select h.id from jsonb_array_elements_text(cast(:urls as jsonb)) v
                                cross join lateral (select id, workspace_id from contact
                                                     where social_profiles @> jsonb_build_array(jsonb_build_object('url', v))
                                                    offset 0) h
                                where h.workspace_id = :workspace)""")
                .set("user", user)
                .set("emails", jsonList(emails))
                .set("phones", jsonList(phones))
                .set("urls", jsonList(profileUrls))
                .rows();
        return rows.stream().map(r -> new PointHolder((UUID) r[0], SqlTimes.instant(r[1]), strings(r[2]), strings(r[3]), strings(r[4])))
                .toList();
    }

    private static String jsonList(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Object json) {
        try {
            return JSON.readValue((String) json, new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL returned a list that is not JSON", e);
        }
    }

    /**
     * Locks those of these contacts that still exist in the workspace until the transaction ends, in id order. Two
     * merges over overlapping contacts then wait for each other rather than deadlock, and the second reads what the
     * first left (an absorbed contact is gone) instead of absorbing it again. Call before loading any of them: a
     * contact already in the persistence context would be read as it was before the wait.
     */
    public void lockInIdOrder(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sql.query("""
                        select id from contact
                         where workspace_id = :workspace and id = any(cast(string_to_array(:ids, ',') as uuid[]))
                         order by id for update""")
                .set("ids", WorkspaceSql.idList(ids))
                .list();
    }

    public List<Contact> withTag(String tag) {
        return list("array_contains(tags, ?1)", tag);
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
