package dev.rapport.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.tenancy.WorkspaceIds;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;

/**
 * A CloudEvent as a consumer sees it: the envelope attributes Rapport uses plus the raw JSON data.
 *
 * @param audience who outside the services may read it ({@link dev.rapport.kit.outbox.Audience}): null for the workspace
 */
public record IncomingEvent(String id, String type, String source, String subject, String workspaceId, Instant time,
                            String data, String audience) {

    /**
     * The data as {@code type}, read tolerantly by {@code json} (consumers ignore fields they do not know).
     *
     * @throws IllegalArgumentException when it is not such JSON (the event will be dead-lettered)
     */
    public <T> T read(ObjectMapper json, Class<T> type) {
        try {
            return json.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + this.type + " " + id, e);
        }
    }

    /** @throws IllegalArgumentException when the message is not a CloudEvent (it will be dead-lettered) */
    public static IncomingEvent from(Message<String> message) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("Not a CloudEvent: no ce_* headers"));
        String workspace = ce.<String>getExtension("workspaceid")
                .filter(WorkspaceIds::isValid)
                .orElseThrow(() -> new IllegalArgumentException("CloudEvent " + ce.getId()
                        + " has no workspaceid of the shape " + WorkspaceIds.SHAPE));
        return new IncomingEvent(ce.getId(), ce.getType(), String.valueOf(ce.getSource()),
                ce.getSubject().orElse(null), workspace,
                ce.getTimeStamp().map(t -> t.toInstant()).orElse(null),
                message.getPayload(), ce.<String>getExtension("audience").orElse(null));
    }
}
