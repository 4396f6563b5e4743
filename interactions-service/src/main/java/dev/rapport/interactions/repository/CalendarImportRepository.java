package dev.rapport.interactions.repository;

import dev.rapport.interactions.domain.CalendarImport;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CalendarImportRepository implements PanacheRepositoryBase<CalendarImport, UUID> {

    public Optional<CalendarImport> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }
}
