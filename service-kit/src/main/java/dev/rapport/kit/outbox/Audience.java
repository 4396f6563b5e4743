package dev.rapport.kit.outbox;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Who may read an event outside the services (the changes feed, webhooks): the whole workspace, or only the user
 * whose private data it carries. Events between services reach every consumer whatever their audience.
 *
 * @param user null for the workspace; a user id; empty for nobody (data private to several different users)
 */
public record Audience(String user) {

    public static final Audience WORKSPACE = new Audience(null);
    public static final Audience NOBODY = new Audience("");

    public static Audience only(String user) {
        return new Audience(Objects.requireNonNull(user, "user"));
    }

    /** For data private to these users (none: the workspace's; several: no one may read it all). */
    public static Audience ofPrivateTo(Collection<String> owners) {
        Set<String> distinct = Set.copyOf(owners);
        return distinct.isEmpty() ? WORKSPACE : distinct.size() == 1 ? only(distinct.iterator().next()) : NOBODY;
    }

    public boolean includes(String reader) {
        return user == null || user.equals(reader);
    }

    /** The {@code audience} CloudEvents extension: {@code *} for the workspace, else the user (empty: nobody). */
    public String wire() {
        return user == null ? "*" : user;
    }

    /** Read from an event; none (an event from before audiences, or a producer that forgot) is nobody: fail closed. */
    public static Audience fromWire(String value) {
        return value == null ? NOBODY : "*".equals(value) ? WORKSPACE : new Audience(value);
    }
}
