package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.repository.ContactRepository;
import dev.rapport.contacts.repository.DuplicateRepository;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Candidate duplicates, most likely first. Each piece of evidence has a weight (a shared email, phone or
 * LinkedIn profile is strong; a similar name at the same company weaker, by how similar); a pair's score
 * is the chance that at least one is right: 1 - Π(1 - weight).
 */
@ApplicationScoped
public class DuplicateService {

    private static final double NAME_SIMILARITY = 0.6;
    private static final double SHARED_POINT_WEIGHT = 0.9;
    private static final double NAME_WEIGHT = 0.7;
    private static final int MOST_EVIDENCE = 5_000;

    @Inject
    DuplicateRepository duplicates;

    @Inject
    ContactRepository contacts;

    @Inject
    WorkspaceContext workspaces;

    public record Candidate(Contact a, Contact b, double score, List<String> reasons) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Candidate> candidates(int limit) {
        String user = workspaces.currentUser().orElseThrow();
        Map<List<UUID>, List<DuplicateRepository.Evidence>> byPair = new LinkedHashMap<>();
        for (DuplicateRepository.Evidence e : duplicates.evidence(user, NAME_SIMILARITY, MOST_EVIDENCE)) {
            byPair.computeIfAbsent(List.of(e.a(), e.b()), pair -> new ArrayList<>()).add(e);
        }
        Set<UUID> ids = new HashSet<>();
        byPair.keySet().forEach(ids::addAll);
        Map<UUID, Contact> byId = ids.isEmpty() ? Map.of()
                : contacts.list("id in ?1", ids).stream().collect(Collectors.toMap(Contact::id, c -> c));
        List<Candidate> found = new ArrayList<>();
        byPair.forEach((pair, evidence) -> {
            double unlikely = 1;
            List<String> reasons = new ArrayList<>();
            for (DuplicateRepository.Evidence e : evidence) {
                boolean name = e.kind().equals("name");
                unlikely *= 1 - (name ? NAME_WEIGHT * e.similarity() : SHARED_POINT_WEIGHT);
                reasons.add(name ? "similar names at the same company: " + e.value() : "same " + e.kind() + " " + e.value());
            }
            found.add(new Candidate(byId.get(pair.get(0)), byId.get(pair.get(1)), Math.round((1 - unlikely) * 1000) / 1000.0, reasons));
        });
        found.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.a().sortName()).thenComparing(c -> c.a().id()));
        return found.subList(0, Math.min(limit, found.size()));
    }
}
