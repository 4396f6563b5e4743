package dev.rapport.contacts;

import dev.rapport.events.ContactEventTypes;
import dev.rapport.kit.outbox.Audience;
import dev.rapport.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.UUID;

/** A business transaction that writes an event and then fails, as any use case might. */
@ApplicationScoped
public class OutboxProbe {

    @Inject
    Outbox outbox;

    @Transactional
    public void appendThenFail(UUID subject) {
        outbox.append(ContactEventTypes.TOPIC, "dev.rapport.test.probe.v1", subject, Map.of("probe", true), Audience.WORKSPACE);
        throw new IllegalStateException("rolled back on purpose");
    }

    public void appendWithoutTransaction(UUID subject) {
        outbox.append(ContactEventTypes.TOPIC, "dev.rapport.test.probe.v1", subject, Map.of("probe", true), Audience.WORKSPACE);
    }
}
