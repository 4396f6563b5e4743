package dev.rapport.kit.testapp;

import dev.rapport.kit.KitTestResource;
import dev.rapport.kit.outbox.Audience;
import dev.rapport.kit.outbox.Outbox;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;

/** A business transaction appending one event, in a workspace, as a service's use case would. */
@ApplicationScoped
public class EventWriter {

    public static final String TYPE = "dev.rapport.kit-test.numbered.v1";

    @Inject
    Outbox outbox;

    @Inject
    WorkspaceContext workspaces;

    public void append(String workspace, UUID subject, int n) {
        append(workspace, subject, n, Audience.WORKSPACE);
    }

    public void append(String workspace, UUID subject, int n, Audience audience) {
        workspaces.callAs(workspace, () -> QuarkusTransaction.requiringNew().call(
                () -> outbox.append(KitTestResource.TOPIC, TYPE, subject, Map.of("n", n), audience)));
    }
}
