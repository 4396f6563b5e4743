package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import dev.rapport.reminders.domain.Cadence;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CadenceRepository implements PanacheRepositoryBase<Cadence, UUID> {

    @Inject
    WorkspaceSql sql;

    public Optional<Cadence> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** The cadences set for the contact itself or that came with contacts merged into it. */
    public List<Cadence> ofContact(UUID contactId) {
        return list("contactId = ?1 order by id", contactId);
    }

    public Optional<Cadence> ofTag(String tag) {
        return find("tagKey", Cadence.tagKey(tag)).firstResultOptional();
    }

    /**
     * A page in creation order: tag cadences, and those of contacts {@code user} may see (decided here, so a page is
     * never cut short by what is left out).
     */
    public List<Cadence> page(String user, UUID after, UUID contactId, String tag, int size) {
        return sql.query("""
                        select c.* from cadence c %s
                         where c.workspace_id = :workspace and %s
                           and (cast(:after as uuid) is null or c.id > cast(:after as uuid))
                           and (cast(:contact as uuid) is null or c.contact_id = cast(:contact as uuid))
                           and (cast(:tag as text) is null or c.tag_key = cast(:tag as text))
                         order by c.id limit :size""".formatted(VisibleContact.join("c"), VisibleContact.of("c")), Cadence.class)
                .set("user", user).set("after", after == null ? null : after.toString())
                .set("contact", contactId == null ? null : contactId.toString())
                .set("tag", tag == null ? null : Cadence.tagKey(tag)).set("size", size)
                .list();
    }

    /** The contacts whose cadence follows {@code loggedContactIds} now point at who each of them is now. */
    public List<UUID> setFor(Collection<UUID> contactIds) {
        return contactIds.isEmpty() ? List.of() : sql.query("""
                        select distinct set_for_contact_id from cadence
                         where workspace_id = :workspace
                           and (set_for_contact_id = any(cast(string_to_array(:ids, ',') as uuid[]))
                                or contact_id = any(cast(string_to_array(:ids, ',') as uuid[])))""")
                .set("ids", WorkspaceSql.idList(contactIds)).list();
    }

    /** Cadences set for {@code setFor} belong to {@code contactNow}. */
    public void repoint(UUID setFor, UUID contactNow) {
        sql.query("update cadence set contact_id = :now where workspace_id = :workspace and set_for_contact_id = :setFor")
                .set("now", contactNow).set("setFor", setFor).execute();
    }

    /** Forgets an erased contact's cadences (set for it, or come to it by merges). */
    public int removeContact(UUID contactId) {
        return sql.query("""
                        delete from cadence where workspace_id = :workspace
                           and (contact_id = :contact or set_for_contact_id = :contact)""")
                .set("contact", contactId).execute();
    }
}
