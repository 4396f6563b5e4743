package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.ImportJob;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** A job waiting or abandoned (its lease ran out), leased to the caller; any workspace, any replica. */
    public record Claimed(UUID id, String workspace, String user) {
    }

    public Optional<Claimed> claimNext(Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        update import_job set status = 'RUNNING', leased_until = ?1
                        where id = (select id from import_job
                                    where status in ('QUEUED', 'RUNNING') and (leased_until is null or leased_until < now())
                                    order by created_at for update skip locked limit 1)
                        returning id, workspace_id, created_by""")
                .setParameter(1, Instant.now().plus(lease))
                .getResultList();
        return rows.stream().findFirst().map(r -> new Claimed((UUID) r[0], (String) r[1], (String) r[2]));
    }

    public void extendLease(UUID id, Duration lease) {
        getEntityManager().createNativeQuery("update import_job set leased_until = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, Instant.now().plus(lease)).executeUpdate();
    }
}
