package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.Relationship;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;

/**
 * A list request: folded search terms, filters, and a keyset position. {@code after} is the sort value and id
 * of the last contact of the previous page.
 */
public record ContactQuery(
        List<String> terms, String tag, String company, String city, Relationship relationship, String owner,
        Instant updatedSince, MonthDay birthdayFrom, MonthDay birthdayTo,
        Sort sort, String afterValue, UUID afterId, int limit) {

    public ContactQuery withTag(String canonical) {
        return new ContactQuery(terms, canonical, company, city, relationship, owner, updatedSince, birthdayFrom,
                birthdayTo, sort, afterValue, afterId, limit);
    }

    public enum Sort {
        NAME("sortName", false), NAME_DESC("sortName", true),
        UPDATED("updatedAt", false), UPDATED_DESC("updatedAt", true),
        CREATED("createdAt", false), CREATED_DESC("createdAt", true);

        public final String field;
        public final boolean descending;

        Sort(String field, boolean descending) {
            this.field = field;
            this.descending = descending;
        }

        public boolean byTime() {
            return !field.equals("sortName");
        }
    }
}
