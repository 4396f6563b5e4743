package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.ImportJob;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    @Inject
    WorkspaceSql sql;

    /** A job waiting or abandoned (its lease ran out), leased to the caller; any workspace, any replica. */
    public record Claimed(UUID id, String workspace, String user) {
    }

    public Optional<Claimed> claimNext(Duration lease) {
        List<Object[]> rows = sql.crossWorkspace("one queue serves every workspace's imports", """
                        update import_job set status = 'RUNNING', leased_until = :leasedUntil
                        where id = (select id from import_job
                                    where status in ('QUEUED', 'RUNNING') and (leased_until is null or leased_until < now())
                                    order by created_at for update skip locked limit 1)
                        returning id, workspace_id, created_by""")
                .set("leasedUntil", Instant.now().plus(lease))
                .rows();
        return rows.stream().findFirst().map(r -> new Claimed((UUID) r[0], (String) r[1], (String) r[2]));
    }

    /** Run in the job's workspace, as the import itself is. */
    public void extendLease(UUID id, Duration lease) {
        sql.query("update import_job set leased_until = :leasedUntil where workspace_id = :workspace and id = :id")
                .set("id", id).set("leasedUntil", Instant.now().plus(lease)).execute();
    }
}
