package dev.rapport.interactions.domain;

import java.time.Instant;

/** What the statistics of one contact are made of: its interactions that have happened, as one user may see them. */
public record ContactFigures(Instant first, String firstKind, Instant last, String lastKind, long total,
                                 long last30, long last90, long last365, Instant lastByMe, Instant lastByThem) {
}
