package dev.rapport.bench.baseline;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** One entity, so Hibernate ORM and Flyway do at start what they do in every service, on one table. */
@Entity
public class Note extends PanacheEntity {
    public String body;
}
