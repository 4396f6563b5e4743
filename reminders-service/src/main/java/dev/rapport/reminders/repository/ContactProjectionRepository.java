package dev.rapport.reminders.repository;

import dev.rapport.reminders.domain.ContactProjection;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ContactProjectionRepository implements PanacheRepositoryBase<ContactProjection, UUID> {
}
