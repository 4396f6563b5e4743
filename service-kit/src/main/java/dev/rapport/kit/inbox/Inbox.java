package dev.rapport.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Remembers which events a consumer has applied, in the same transaction as the effect. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /** @return true the first time this consumer sees the event id; false for every redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        return entityManager.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, workspace_id) values (:consumer, :eventId, :workspace)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("workspace", event.workspaceId())
                .executeUpdate() == 1;
    }
}
