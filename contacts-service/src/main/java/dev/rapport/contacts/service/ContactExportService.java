package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.repository.ContactQuery;
import dev.rapport.contacts.repository.ContactRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Hands every contact a query finds to a writer, one at a time, in one read-only transaction (a consistent
 * snapshot), forgetting each batch once written so memory stays flat however many contacts there are.
 */
@ApplicationScoped
public class ContactExportService {

    private static final int BATCH = 500;
    private static final Duration LONGEST_EXPORT = Duration.ofHours(1);

    @Inject
    ContactRepository contacts;

    @Inject
    EntityManager em;

    @Inject
    ContactQueries queries;

    public interface ContactWriter {
        void write(Contact contact) throws IOException;
    }

    public long export(ContactSearch search, String user, ContactWriter writer) {
        return QuarkusTransaction.requiringNew().timeout((int) LONGEST_EXPORT.toSeconds()).call(() -> {
            long written = 0;
            Optional<ContactQuery> resolved = queries.resolve(search);
            if (resolved.isEmpty()) {
                return written;
            }
            try (Stream<Contact> all = contacts.stream(resolved.get(), user)) {
                Iterator<Contact> it = all.iterator();
                while (it.hasNext()) {
                    writer.write(it.next());
                    if (++written % BATCH == 0) {
                        em.clear();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return written;
        });
    }
}
