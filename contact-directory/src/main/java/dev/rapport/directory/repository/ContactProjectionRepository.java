package dev.rapport.directory.repository;

import dev.rapport.directory.domain.ContactProjection;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactProjectionRepository implements PanacheRepositoryBase<ContactProjection, ContactProjection.Key> {

    /**
     * By query rather than {@code findById()}: with the tenant filter on, Hibernate builds a new loader for
     * every {@code find()}, which was half of the CPU a consumed contact event cost.
     */
    public Optional<ContactProjection> byId(UUID contactId) {
        return find("contactId", contactId).firstResultOptional();
    }
}
