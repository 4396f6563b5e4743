package dev.rapport.kit.tenancy;

import dev.rapport.kit.KitTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Native SQL always runs on the current workspace; a statement that forgets it is refused before it runs. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class WorkspaceSqlTest {

    @Inject
    WorkspaceSql sql;

    @Inject
    WorkspaceContext workspaces;

    @Test
    void aStatementIsBoundToTheCurrentWorkspace() {
        UUID id = UUID.randomUUID();
        workspaces.callAs("sql-one", () -> QuarkusTransaction.requiringNew().call(() -> sql.query("""
                        insert into kit_note (id, workspace_id, body, created_at) values (:id, :workspace, 'native', now())""")
                .set("id", id).execute()));

        assertEquals(1L, count("sql-one", id));
        assertEquals(0L, count("sql-two", id), "another workspace never sees the row");
    }

    @Test
    void sqlWithoutTheWorkspaceParameterIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> workspaces.callAs("sql-one", () -> sql.query("select count(*) from kit_note")));
        assertEquals(true, refused.getMessage().contains(":workspace"), refused.getMessage());
        // A lookalike is not the parameter.
        assertThrows(IllegalArgumentException.class,
                () -> workspaces.callAs("sql-one", () -> sql.query("select 1 where 'x' = :workspaces")));
        assertThrows(IllegalArgumentException.class,
                () -> workspaces.callAs("sql-one", () -> sql.query("select cast('a' as text)::workspace")));
    }

    @Test
    void theWorkspaceIsNeverTheCallersToBind() {
        assertThrows(IllegalArgumentException.class, () -> workspaces.callAs("sql-one",
                () -> sql.query("select 1 from kit_note where workspace_id = :workspace").set("workspace", "sql-two")));
        assertThrows(IllegalArgumentException.class, () -> workspaces.callAs("sql-one",
                () -> sql.query("select 1 from kit_note where workspace_id = :workspace and id = ?1")));
    }

    @Test
    void withoutAWorkspaceNoScopedStatementRuns() {
        assertThrows(IllegalStateException.class, () -> sql.query("select 1 from kit_note where workspace_id = :workspace"));
    }

    @Test
    void aCrossWorkspaceStatementSaysWhyAndCannotPretendToBeScoped() {
        assertThrows(IllegalArgumentException.class, () -> sql.crossWorkspace(" ", "select count(*) from kit_note"));
        assertThrows(IllegalArgumentException.class,
                () -> sql.crossWorkspace("a reason", "select 1 from kit_note where workspace_id = :workspace"));
        Number all = QuarkusTransaction.requiringNew().call(
                () -> sql.crossWorkspace("counting every workspace's notes, for this test", "select count(*) from kit_note").single());
        assertEquals(true, all.longValue() >= 0);
    }

    private long count(String workspace, UUID id) {
        return workspaces.callAs(workspace, () -> QuarkusTransaction.requiringNew().call(() -> sql
                .query("select count(*) from kit_note where workspace_id = :workspace and id = :id")
                .set("id", id).<Number>single().longValue()));
    }
}
