package dev.rapport.contacts.mapping;

import dev.rapport.contacts.domain.Birthday;
import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.HistoryEntry;
import dev.rapport.contacts.rest.ContactInput;
import dev.rapport.contacts.rest.ContactView;
import dev.rapport.contacts.rest.HistoryEntryView;

/** Entities to API views, and a contact's current details back to the input a Merge Patch applies to. */
public final class ContactMapper {
    private ContactMapper() {
    }

    public static ContactView toView(Contact contact) {
        ContactDetails d = contact.details();
        Birthday b = d.birthday();
        return new ContactView(contact.id(), d.givenName(), d.familyName(), contact.displayName(), d.nickname(), d.pronouns(),
                d.emails().stream().map(e -> new ContactView.Email(e.address(), e.label(), e.primary())).toList(),
                d.phones().stream().map(p -> new ContactView.Phone(p.number(), p.original(), p.normalised(), p.label(), p.primary())).toList(),
                d.socialProfiles().stream().map(s -> new ContactView.SocialProfile(s.network(), s.url(), s.handle(), s.label(), s.primary())).toList(),
                d.websites().stream().map(w -> new ContactView.Website(w.url(), w.kind(), w.label(), w.primary())).toList(),
                d.company(), d.title(), d.department(), d.city(), d.region(), d.country(), d.address(),
                b == null ? null : new ContactView.Birthday(b.month(), b.day(), b.year()),
                d.howWeMet(), d.metAt(), d.metOn(), d.relationship() == null ? null : d.relationship().wire(), d.note(),
                d.tags(), d.visibility().wire(), contact.ownerId(), contact.createdBy(),
                contact.createdAt(), contact.updatedAt(), contact.version());
    }

    public static ContactInput toInput(ContactDetails d) {
        Birthday b = d.birthday();
        return new ContactInput(d.givenName(), d.familyName(), d.displayName(), d.nickname(), d.pronouns(),
                d.emails().stream().map(e -> new ContactInput.Email(e.address(), e.label(), e.primary())).toList(),
                d.phones().stream().map(p -> new ContactInput.Phone(p.original(), p.label(), p.primary())).toList(),
                d.socialProfiles().stream().map(s -> new ContactInput.SocialProfile(s.network(), s.url(), s.handle(), s.label(), s.primary())).toList(),
                d.websites().stream().map(w -> new ContactInput.Website(w.url(), w.kind(), w.label(), w.primary())).toList(),
                d.company(), d.title(), d.department(), d.city(), d.region(), d.country(), d.address(),
                b == null ? null : new ContactInput.Birthday(b.month(), b.day(), b.year()),
                d.howWeMet(), d.metAt(), d.metOn() == null ? null : d.metOn().toString(),
                d.relationship() == null ? null : d.relationship().wire(), d.note(), d.tags(), d.visibility().wire());
    }

    public static HistoryEntryView toView(HistoryEntry entry) {
        return new HistoryEntryView(entry.id(), entry.kind().wire(), entry.effectiveOn(), entry.oldValue(), entry.newValue(),
                entry.recordedBy(), entry.recordedAt());
    }
}
