package dev.rapport.interactions.domain;

import java.time.LocalDate;

/** What the author promised after an interaction, and by when. */
public record FollowUp(LocalDate due, String text) {
}
