package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import dev.rapport.reminders.domain.AgendaItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The agenda's reads, each one statement over the open reminders index and the contact projection. What a user may see
 * is decided here, once: their own reminders and the workspace's keep-in-touch, about contacts they may see (not
 * erased, not another user's private one).
 */
@ApplicationScoped
public class AgendaFinder {

    private static final String REMINDER_COLUMNS = """
            r.id, r.kind, cast(r.effective_on as text), to_char(r.due_time, 'HH24:MI'), r.time_zone, r.text, r.contact_id,
            p.display_name, r.every, extract(epoch from cast(r.every as interval)) / 86400,
            cast(r.snoozed_until as text), cast(r.last_interaction_on as text), r.version""";

    private static final String WITH_CONTACT = "from reminder r " + VisibleContact.join("r")
            + " where r.workspace_id = :workspace and r.status = 'open' and " + VisibleContact.of("r");

    private static final String VISIBLE_OPEN = WITH_CONTACT + " and (r.owner_id is null or r.owner_id = :user)";

    @Inject
    WorkspaceSql sql;

    /** The user's own reminders due before {@code before}, most days late first. */
    public List<AgendaItem> overduePromises(String user, LocalDate before, int limit) {
        return items(sql.query("select " + REMINDER_COLUMNS + " " + WITH_CONTACT + """
                          and r.owner_id = :user and r.effective_on < :before
                        order by r.effective_on, r.id limit :limit""")
                .set("user", user).set("before", before).set("limit", limit).rows());
    }

    /**
     * Keep-in-touch reminders due before {@code before}, the most overdue relative to their cadence first: for one
     * cadence that is the oldest day, so each cadence's oldest are read by index and only those are ranked.
     */
    public List<AgendaItem> overdueKeepInTouch(String user, LocalDate before, int limit) {
        return items(sql.query("""
                        select x.* from (select distinct c.every from cadence c where c.workspace_id = :workspace) e
                        cross join lateral (select %s %s
                                               and r.kind = 'keep-in-touch' and r.every = e.every and r.effective_on < :before
                                             order by r.effective_on, r.id limit :limit) x
                        order by (cast(:before as date) - cast(x.effective_on as date)) / x.every_days desc, x.effective_on, x.id
                        limit :limit""".formatted(REMINDER_COLUMNS.replace("cast(r.effective_on as text)",
                                "cast(r.effective_on as text) as effective_on").replace("/ 86400,", "/ 86400 as every_days,"),
                        VISIBLE_OPEN))
                .set("user", user).set("before", before).set("limit", limit).rows());
    }

    /**
     * How many open reminders the user may see were due before {@code before}: the workspace's and the user's own, each
     * counted on an index of its own, less those about a contact the user may not see (few, so read from the hidden
     * contacts' side). One scan of the wide open-by-day index that tested every row against the hidden contacts took
     * 15 ms for 37,000 overdue; the workspace's count now reads a narrow, deduplicated index.
     */
    public long overdueCount(String user, LocalDate before) {
        Object count = sql.query("""
                        select (select count(*) from reminder r
                                 where r.workspace_id = :workspace and r.status = 'open' and r.owner_id is null
                                   and r.effective_on < :before)
                             + (select count(*) from reminder r
                                 where r.workspace_id = :workspace and r.status = 'open' and r.owner_id = :user
                                   and r.effective_on < :before)
                             - (select count(*) from contact_projection h
                                  join reminder r on r.workspace_id = h.workspace_id and r.contact_id = h.contact_id
                                 where h.workspace_id = :workspace
                                   and (h.deleted_at is not null or (h.visibility = 'private' and h.owner_id is distinct from :user))
                                   and r.status = 'open' and r.effective_on < :before
                                   and (r.owner_id is null or r.owner_id = :user))""")
                .set("user", user).set("before", before).single();
        return ((Number) count).longValue();
    }

    /** What comes due from {@code from} to {@code to}, by day. */
    public List<AgendaItem> coming(String user, LocalDate from, LocalDate to, int limit) {
        return items(sql.query("select " + REMINDER_COLUMNS + " " + VISIBLE_OPEN + """
                          and r.effective_on between :from and :to
                        order by r.effective_on, r.id
                        limit :limit""")
                .set("user", user).set("from", from).set("to", to).set("limit", limit).rows());
    }

    /** The open reminders about one contact the user may see, by day. */
    public List<AgendaItem> ofContact(String user, UUID contactId) {
        return items(sql.query("select " + REMINDER_COLUMNS + " " + VISIBLE_OPEN + """
                          and r.contact_id = :contact
                        order by r.effective_on, r.due_time nulls first, r.id""")
                .set("user", user).set("contact", contactId).rows());
    }

    /**
     * Contacts the user may see whose birthday (month and day) may fall from {@code from} to {@code to}: coarse by
     * month-day, 29 February included wherever 28 February is (the caller places each on its day). A window over New
     * Year is read as its two halves, each a range of the birthdays index: written as one {@code or}, it read every
     * birthday of the workspace.
     */
    public List<AgendaItem> birthdays(String user, LocalDate from, LocalDate to) {
        boolean everyDay = !from.plusYears(1).isAfter(to);
        int start = from.getMonthValue() * 100 + from.getDayOfMonth();
        int end = to.getMonthValue() * 100 + to.getDayOfMonth();
        if (!everyDay && start > end) {
            List<AgendaItem> both = new ArrayList<>(birthdays(user, from, LocalDate.of(from.getYear(), 12, 31)));
            both.addAll(birthdays(user, LocalDate.of(from.getYear() + 1, 1, 1), to));
            return both;
        }
        String window = everyDay ? "true" : "(md between :start and :end or (md = 229 and 228 between :start and :end))";
        // md is written as the birthdays index is, so the window reads that index.
        String md = "(p.birthday_month * 100 + p.birthday_day)";
        WorkspaceSql.Statement query = sql.query("""
                        select contact_id, display_name, birthday_month, birthday_day, birthday_year from contact_projection p
                         where p.workspace_id = :workspace and p.deleted_at is null and p.merged_into is null
                           and p.birthday_month is not null and p.birthday_day is not null
                           and (p.visibility <> 'private' or p.owner_id = :user)
                           and %s
                         order by %s, contact_id""".formatted(window.replace("md", md), md))
                .set("user", user);
        if (!everyDay) {
            query.set("start", start).set("end", end);
        }
        return query.rows().stream().map(row -> new AgendaItem(null, AgendaItem.BIRTHDAY,
                LocalDate.of(2000, ((Number) row[2]).intValue(), ((Number) row[3]).intValue()), null, null, null,
                (UUID) row[0], (String) row[1], null, null, null, null,
                row[4] == null ? null : ((Number) row[4]).intValue(), null)).toList();
    }

    /** Every open reminder the user may see, in no order (the calendar feed orders its events by UID). */
    public List<AgendaItem> allOpen(String user) {
        return items(sql.query("select " + REMINDER_COLUMNS + " " + VISIBLE_OPEN)
                .set("user", user).rows());
    }

    /**
     * When what the user's feed shows last changed: their visible open reminders and the contacts they may see (names
     * and birthdays come from there). A deletion does not move it; the feed's ETag, a hash of its text, does change.
     */
    public java.util.Optional<java.time.Instant> lastChange(String user) {
        Object latest = sql.query("""
                        select greatest(
                          (select max(r.updated_at) %s),
                          (select max(p.updated_at) from contact_projection p
                            where p.workspace_id = :workspace and (p.visibility <> 'private' or p.owner_id = :user)))"""
                        .formatted(VISIBLE_OPEN))
                .set("user", user).single();
        return java.util.Optional.ofNullable(latest).map(dev.rapport.kit.sql.SqlTimes::instant);
    }

    private static List<AgendaItem> items(List<Object[]> rows) {
        return rows.stream().map(row -> new AgendaItem((UUID) row[0], (String) row[1],
                LocalDate.parse((String) row[2]), row[3] == null ? null : LocalTime.parse((String) row[3]), (String) row[4],
                (String) row[5], (UUID) row[6], (String) row[7], (String) row[8],
                row[9] == null ? null : ((Number) row[9]).doubleValue(),
                row[10] == null ? null : LocalDate.parse((String) row[10]),
                row[11] == null ? null : LocalDate.parse((String) row[11]), null, ((Number) row[12]).longValue())).toList();
    }
}
