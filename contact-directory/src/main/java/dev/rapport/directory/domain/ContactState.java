package dev.rapport.directory.domain;

import java.util.List;

/** A contact's state as the latest contact event describes it. */
public record ContactState(String displayName, List<String> emails, Integer birthdayMonth, Integer birthdayDay,
                           Integer birthdayYear, String ownerId, String visibility, String relationship,
                           List<String> tags, long version) {

    public ContactState {
        emails = emails == null ? List.of() : List.copyOf(emails);
        tags = tags == null ? List.of() : tags.stream().filter(java.util.Objects::nonNull).toList();
        visibility = visibility == null ? "workspace" : visibility;
    }
}
