package dev.rapport.interactions.repository;

import dev.rapport.interactions.domain.ContactFigures;
import dev.rapport.interactions.domain.InteractionQuery;
import dev.rapport.interactions.domain.LastTouch;
import dev.rapport.kit.sql.SqlTimes;
import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads of the log that span interactions: pages, timelines, statistics. In native SQL because each must see only
 * what the reader may see: an interaction that is someone else's private one, or that is with someone else's
 * private contact, is invisible, and it is cheaper to say so once here than to filter in Java.
 */
@ApplicationScoped
public class InteractionFinder {

    /** Interaction {@code i} is open to {@code :user} and with no contact private to another user. */
    static final String VISIBLE = """
            (i.visibility = 'workspace' or i.created_by = :user)
            and not exists (select 1 from interaction_participant hp
                              join contact_projection hc on hc.workspace_id = hp.workspace_id and hc.contact_id = hp.contact_id
                             where hp.interaction_id = i.id and hc.visibility = 'private'
                               and hc.owner_id is distinct from :user)""";

    @Inject
    WorkspaceSql sql;

    /** The ids of a page, in order. */
    public List<UUID> page(InteractionQuery q) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user", q.user());
        // With a contact, its participant rows drive the page (their index is by contact and time); else the log's.
        String time = q.contactId() == null ? "i.occurred_at" : "p.occurred_at";
        String id = q.contactId() == null ? "i.id" : "p.interaction_id";
        if (q.kind() != null) {
            where.append(" and i.kind = :kind");
            params.put("kind", q.kind());
        }
        if (q.from() != null) {
            where.append(" and ").append(time).append(" >= :from");
            params.put("from", SqlTimes.utc(q.from()));
        }
        if (q.to() != null) {
            where.append(" and ").append(time).append(" < :to");
            params.put("to", SqlTimes.utc(q.to()));
        }
        if (q.tag() != null) {
            where.append(" and exists (select 1 from jsonb_array_elements_text(i.tags) t where lower(t) = lower(:tag))");
            params.put("tag", q.tag());
        }
        if (q.initiatedBy() != null) {
            where.append(" and i.initiated_by = :initiatedBy");
            params.put("initiatedBy", q.initiatedBy());
        }
        for (int n = 0; n < q.terms().size(); n++) {
            where.append(" and i.search_text like :term").append(n).append(" escape '\\'");
            params.put("term" + n, "%" + escapeLike(q.terms().get(n)) + "%");
        }
        if (q.hasFollowUp() != null) {
            where.append(q.hasFollowUp() ? " and i.follow_up_due is not null" : " and i.follow_up_due is null");
        }
        if (q.afterId() != null) {
            where.append(" and (").append(time).append(", ").append(id).append(") < (:afterAt, :afterId)");
            params.put("afterAt", SqlTimes.utc(q.afterAt()));
            params.put("afterId", q.afterId());
        }
        String from = q.contactId() == null
                ? "interaction i where i.workspace_id = :workspace"
                : """
                  interaction_participant p join interaction i on i.id = p.interaction_id
                   where p.workspace_id = :workspace and p.contact_id = :contact and not p.shadowed""";
        if (q.contactId() != null) {
            params.put("contact", q.contactId());
        }
        WorkspaceSql.Statement statement = sql.query("select " + id + " from " + from + " and " + VISIBLE + where
                + " order by " + time + " desc, " + id + " desc limit :limit");
        params.forEach(statement::set);
        return statement.set("limit", q.limit()).list();
    }


    /** The contact's interactions that have happened (up to {@code now}), as {@code user} may see them. */
    public ContactFigures figures(UUID contactId, String user, Instant now) {
        Object[] row = sql.query("""
                        select min(p.occurred_at), (array_agg(i.kind order by p.occurred_at, p.interaction_id))[1],
                               max(p.occurred_at), (array_agg(i.kind order by p.occurred_at desc, p.interaction_id desc))[1],
                               count(*),
                               count(*) filter (where p.occurred_at > cast(:now as timestamptz) - interval '30 days'),
                               count(*) filter (where p.occurred_at > cast(:now as timestamptz) - interval '90 days'),
                               count(*) filter (where p.occurred_at > cast(:now as timestamptz) - interval '365 days'),
                               max(p.occurred_at) filter (where i.initiated_by in ('me', 'mutual')),
                               max(p.occurred_at) filter (where i.initiated_by in ('them', 'mutual'))
                          from interaction_participant p join interaction i on i.id = p.interaction_id
                         where p.workspace_id = :workspace and p.contact_id = :contact and not p.shadowed
                           and p.occurred_at <= :now and """ + VISIBLE)
                .set("contact", contactId).set("user", user).set("now", SqlTimes.utc(now)).single();
        return new ContactFigures(SqlTimes.instant(row[0]), (String) row[1], SqlTimes.instant(row[2]), (String) row[3],
                ((Number) row[4]).longValue(), ((Number) row[5]).longValue(), ((Number) row[6]).longValue(),
                ((Number) row[7]).longValue(), SqlTimes.instant(row[8]), SqlTimes.instant(row[9]));
    }


    /**
     * The workspace's contacts {@code user} may see, least recently in touch first (never first of all), after the
     * cursor's contact; filtered by tag and relationship when given.
     */
    public List<LastTouch> lastTouches(String user, String tag, String relationship, Instant now, boolean afterNever,
                                       Instant afterAt, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder();
        if (tag != null) {
            where.append(" and exists (select 1 from jsonb_array_elements_text(c.tags) t where lower(t) = lower(:tag))");
        }
        if (relationship != null) {
            where.append(" and c.relationship = :relationship");
        }
        String after = afterId == null ? "" : afterNever
                ? " where (s.last_at is null and s.contact_id > :afterId) or s.last_at is not null"
                : " where s.last_at is not null and (s.last_at, s.contact_id) > (:afterAt, :afterId)";
        WorkspaceSql.Statement statement = sql.query("""
                        select s.contact_id, s.display_name, s.last_at, s.last_kind, s.last_id from (
                          select c.contact_id, c.display_name, last.occurred_at as last_at, last.kind as last_kind, last.id as last_id
                            from contact_projection c
                            left join lateral (
                                 select p.occurred_at, i.kind, i.id
                                   from interaction_participant p join interaction i on i.id = p.interaction_id
                                  where p.workspace_id = :workspace and p.contact_id = c.contact_id and not p.shadowed
                                    and p.occurred_at <= :now and """ + VISIBLE + "\n" + """
                                  order by p.occurred_at desc, p.interaction_id desc limit 1) last on true
                           where c.workspace_id = :workspace and c.deleted_at is null and c.merged_into is null
                             and (c.visibility = 'workspace' or c.owner_id = :user)""" + where + ") s " + after + "\n" + """
                         order by s.last_at asc nulls first, s.contact_id limit :limit""")
                .set("user", user).set("now", SqlTimes.utc(now)).set("limit", limit);
        if (tag != null) {
            statement.set("tag", tag);
        }
        if (relationship != null) {
            statement.set("relationship", relationship);
        }
        if (afterId != null) {
            statement.set("afterId", afterId);
            if (!afterNever) {
                statement.set("afterAt", SqlTimes.utc(afterAt));
            }
        }
        return statement.rows().stream().map(r -> new LastTouch((UUID) r[0], (String) r[1], SqlTimes.instant(r[2]),
                (String) r[3], (UUID) r[4])).toList();
    }


    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
