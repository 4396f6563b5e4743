package dev.rapport.interactions.service;

import dev.rapport.interactions.domain.ContactProjection;
import dev.rapport.interactions.repository.ContactProjectionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactProjectionService {

    @Inject
    ContactProjectionRepository projections;

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(UUID contactId, String displayName, List<String> emails, Instant at) {
        ContactProjection projection = projections.findByIdOptional(contactId)
                .orElseGet(() -> new ContactProjection(contactId));
        // Filled before persist: Hibernate inserts the state as of persist(), and the columns are NOT NULL.
        projection.update(displayName, emails, at == null ? Instant.now() : at);
        projections.persist(projection);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ContactProjection> find(UUID contactId) {
        return projections.findByIdOptional(contactId);
    }
}
