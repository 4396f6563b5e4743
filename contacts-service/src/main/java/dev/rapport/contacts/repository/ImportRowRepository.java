package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.ImportOutcome;
import dev.rapport.contacts.domain.ImportRow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ImportRowRepository implements PanacheRepositoryBase<ImportRow, ImportRow.Key> {

    /** Up to {@code limit} rows after row {@code after}, in file order; only those with {@code outcome} if given. */
    public List<ImportRow> ofJob(UUID jobId, ImportOutcome outcome, int after, int limit) {
        String where = "jobId = ?1 and rowNumber > ?2" + (outcome == null ? "" : " and outcome = ?3") + " order by rowNumber";
        var query = outcome == null ? find(where, jobId, after) : find(where, jobId, after, outcome);
        return query.page(0, limit).list();
    }

    /** Rows already done, so a resumed job does not apply them twice. */
    public Set<Integer> doneRows(UUID jobId) {
        return getEntityManager().createQuery("select r.rowNumber from ImportRow r where r.jobId = :job", Integer.class)
                .setParameter("job", jobId).getResultStream().collect(Collectors.toSet());
    }
}
