package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.ImportRow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ImportRowRepository implements PanacheRepositoryBase<ImportRow, ImportRow.Key> {

    public List<ImportRow> ofJob(UUID jobId) {
        return list("jobId = ?1 order by rowNumber", jobId);
    }

    /** Rows already done, so a resumed job does not apply them twice. */
    public Set<Integer> doneRows(UUID jobId) {
        return getEntityManager().createQuery("select r.rowNumber from ImportRow r where r.jobId = :job", Integer.class)
                .setParameter("job", jobId).getResultStream().collect(Collectors.toSet());
    }
}
