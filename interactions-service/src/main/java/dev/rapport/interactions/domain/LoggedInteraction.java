package dev.rapport.interactions.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An interaction with the contacts it is with now: distinct, in the order logged, merged contacts as their
 * survivor, erased ones gone; and their display names, where the use case had them at hand.
 */
public record LoggedInteraction(Interaction interaction, List<UUID> participants, Map<UUID, String> names) {

    public LoggedInteraction {
        participants = List.copyOf(participants);
        // Only the names of its own participants: a page's shared map would otherwise be copied whole into each.
        Map<UUID, String> own = new java.util.HashMap<>();
        for (UUID id : participants) {
            String name = names.get(id);
            if (name != null) {
                own.put(id, name);
            }
        }
        names = Map.copyOf(own);
    }

    public LoggedInteraction(Interaction interaction, List<UUID> participants) {
        this(interaction, participants, Map.of());
    }

    public InteractionDetails details() {
        return interaction.details(participants);
    }
}
