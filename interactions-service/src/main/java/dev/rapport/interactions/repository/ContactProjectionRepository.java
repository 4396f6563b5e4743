package dev.rapport.interactions.repository;

import dev.rapport.interactions.domain.ContactProjection;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ContactProjectionRepository implements PanacheRepositoryBase<ContactProjection, UUID> {
}
