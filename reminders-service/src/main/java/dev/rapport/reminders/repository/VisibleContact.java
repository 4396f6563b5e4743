package dev.rapport.reminders.repository;

/**
 * Who may see a row about a contact, in SQL (as {@code ContactProjection.visible} says it in Java): a row without a
 * contact, or one whose contact is known, not erased, and not another user's private one. Binds {@code :user}.
 */
final class VisibleContact {

    private VisibleContact() {
    }

    /** The join to the row's contact, as {@code p}, for a table aliased {@code row} with a {@code contact_id}. */
    static String join(String row) {
        return "left join contact_projection p on p.workspace_id = %1$s.workspace_id and p.contact_id = %1$s.contact_id"
                .formatted(row);
    }

    /** The condition, over {@link #join}'s {@code p}. */
    static String of(String row) {
        return ("(%s.contact_id is null or (p.contact_id is not null and p.deleted_at is null"
                + " and (p.visibility <> 'private' or p.owner_id = :user)))").formatted(row);
    }
}
