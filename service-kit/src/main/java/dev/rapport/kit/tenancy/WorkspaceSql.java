package dev.rapport.kit.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one way to run native SQL. Hibernate's {@code @TenantId} filters entity queries, not native ones, so a native
 * statement names its workspace filter as the parameter {@code :workspace} and this binds it from
 * {@link WorkspaceContext#require()}: callers never pass a workspace id, and SQL without the placeholder is refused
 * before it runs. The few statements that rightly span every workspace (the outbox relay, retention pruning, a
 * job queue shared by all workspaces, schema metadata) say so with {@link #crossWorkspace(String, String)} and why.
 *
 * <p>Parameters are named ({@code :name}); positional ones ({@code ?1}) are refused so the workspace cannot be bound
 * any other way. {@code WorkspaceSqlOnlyTest} checks that no other class creates native queries.
 *
 * <p>Looking up many values in a workspace that may be new to PostgreSQL's statistics (an import, a consumer of
 * another service's events): until autoanalyze runs, a workspace that just received its first rows looks like one
 * row, and the planner may then read its rows once and test each against every value, which with thousands of both
 * takes seconds. {@code from <values> v cross join lateral (select … where <key> = v … offset 0)} keeps each value an
 * index lookup whatever the statistics say. Where the index does not lead with {@code workspace_id} (a GIN index on
 * addresses), leave the workspace out of the fenced lookup and check it on what the lookup returns, or the planner
 * still prefers walking the workspace. Five statements on import paths needed this (each says so). Where another index
 * leads with {@code workspace_id} alone, even a fenced lookup walks the workspace through it (the cheaper-looking index
 * for "one row"); there, {@code workspace_id = (select :workspace)} is planned for any workspace, which keeps the index
 * on both columns ({@code TouchRepository.replace}: 14.5 ms a call on a fresh workspace of up to 15,000
 * touches, under 0.2 ms with it). The other {@code = any(:ids)} statements have not shown the problem.
 */
@ApplicationScoped
public class WorkspaceSql {

    /** The parameter every workspace-scoped statement filters or stamps its rows with. */
    public static final String WORKSPACE = "workspace";
    private static final Pattern WORKSPACE_PARAMETER = Pattern.compile("(?<![:\\w]):" + WORKSPACE + "(?!\\w)");
    private static final Pattern POSITIONAL_PARAMETER = Pattern.compile("\\?\\d");

    @Inject
    EntityManager em;

    @Inject
    WorkspaceContext workspaces;

    /**
     * A statement on the current workspace's rows.
     *
     * @param sql must use {@code :workspace} wherever it filters or writes the workspace
     * @throws IllegalArgumentException when the SQL has no {@code :workspace}
     * @throws IllegalStateException    when there is no current workspace
     */
    public Statement query(String sql) {
        checkWorkspaceScoped(sql);
        return new Statement(em.createNativeQuery(sql).setParameter(WORKSPACE, workspaces.require()));
    }

    /**
     * A query of the current workspace's rows of {@code entity}'s table, read as managed entities: for reads Hibernate
     * would otherwise plan again on every call (an {@code in} list of another length is another plan).
     *
     * @param sql must select the entity's columns and filter by {@code :workspace}
     */
    public Statement query(String sql, Class<?> entity) {
        checkWorkspaceScoped(sql);
        return new Statement(em.createNativeQuery(sql, entity).setParameter(WORKSPACE, workspaces.require()));
    }

    /** Ids as one text parameter, for {@code = any(cast(string_to_array(:ids, ',') as uuid[]))}: one statement for any count. */
    public static String idList(java.util.Collection<java.util.UUID> ids) {
        return textList(ids, id -> id);
    }

    /**
     * One value of each item as one text parameter, for {@code unnest(cast(string_to_array(:values, ',') as <type>[]))}:
     * values whose text PostgreSQL reads back as they are (ids, numbers, booleans, ISO instants and dates), no commas.
     */
    public static <T> String textList(java.util.Collection<T> items, java.util.function.Function<T, ?> value) {
        return items.stream().map(item -> String.valueOf(value.apply(item))).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * A statement that deliberately spans every workspace or touches no workspace's rows.
     *
     * @param reason why no workspace filter applies; required, so the exception is visible where it is made
     */
    public Statement crossWorkspace(String reason, String sql) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A cross-workspace statement needs its reason: " + sql);
        }
        checkParameters(sql);
        if (WORKSPACE_PARAMETER.matcher(sql).find()) {
            throw new IllegalArgumentException("A cross-workspace statement cannot use :" + WORKSPACE + ": " + sql);
        }
        return new Statement(em.createNativeQuery(sql));
    }

    private static void checkWorkspaceScoped(String sql) {
        checkParameters(sql);
        if (!WORKSPACE_PARAMETER.matcher(sql).find()) {
            throw new IllegalArgumentException("Native SQL must filter by :" + WORKSPACE
                    + " (or be declared crossWorkspace, with a reason): " + sql);
        }
    }

    private static void checkParameters(String sql) {
        Objects.requireNonNull(sql, "sql");
        if (POSITIONAL_PARAMETER.matcher(sql).find()) {
            throw new IllegalArgumentException("Native SQL takes named parameters (:name), not positional ones: " + sql);
        }
    }

    /** A native statement with its workspace (if any) bound; the rest of its parameters by name. */
    public static final class Statement {

        private final Query query;

        private Statement(Query query) {
            this.query = query;
        }

        /** Binds a parameter other than {@code :workspace}, which is never the caller's to choose. */
        public Statement set(String name, Object value) {
            if (WORKSPACE.equals(name)) {
                throw new IllegalArgumentException(":" + WORKSPACE + " is bound from the current workspace only");
            }
            query.setParameter(name, value);
            return this;
        }

        public Statement hint(String name, Object value) {
            query.setHint(name, value);
            return this;
        }

        /** @return the number of rows inserted, updated or deleted */
        public int execute() {
            return query.executeUpdate();
        }

        /** Every row: an {@code Object[]} per row for several columns, the value itself for one. */
        @SuppressWarnings("unchecked")
        public <T> List<T> list() {
            return query.getResultList();
        }

        /** Rows of several columns. */
        public List<Object[]> rows() {
            return list();
        }

        /** The first row, if any. */
        public <T> Optional<T> first() {
            List<T> rows = list();
            return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
        }

        /** The one row the statement yields (aggregates, {@code returning} of one row). */
        @SuppressWarnings("unchecked")
        public <T> T single() {
            return (T) query.getSingleResult();
        }

        /** The rows, fetched as they are read; close the stream. */
        @SuppressWarnings("unchecked")
        public <T> Stream<T> stream() {
            return query.getResultStream();
        }
    }
}
