package dev.rapport.kit.changes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ChangePage", description = "Changes after the cursor, oldest first")
public record ChangePage(
        @Schema(required = true) List<Change> items,
        @Schema(required = true, description = "Opaque: send it as after= to read on. Never null: at the end of the feed, "
                + "keep it and ask again later") String cursor,
        @Schema(required = true, description = "True when more changes are waiting: ask again at once") boolean more) {
}
