package dev.rapport.interactions.domain;

import java.util.List;
import java.util.UUID;

/**
 * An interaction with the contacts it is with now: distinct, in the order logged, merged contacts as their
 * survivor, erased ones gone.
 */
public record LoggedInteraction(Interaction interaction, List<UUID> participants) {

    public LoggedInteraction {
        participants = List.copyOf(participants);
    }

    public InteractionDetails details() {
        return interaction.details(participants);
    }
}
