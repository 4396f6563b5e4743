package dev.rapport.kit.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.config.ServiceConfig;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.hibernate.jpa.HibernateHints;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A workspace's own rows as NDJSON, table by table, and back. The rows are copied as PostgreSQL sees them
 * ({@code to_jsonb} out, {@code jsonb_populate_recordset} in), so nothing is lost in a mapping and a backup
 * from an older schema still restores (a column it lacks takes its default). The file opens with a header
 * naming the service and schema, and ends with the row count and a signature ({@link BackupSignature}), so a
 * cut-off or altered file is refused before any of it is restored. A restore is one transaction into an empty
 * workspace.
 */
@ApplicationScoped
public class WorkspaceBackup {

    public static final String MEDIA_TYPE = "application/x-ndjson";
    /** 2: signed (the end line carries the signature of every line before it). */
    static final int FORMAT = 2;
    private static final int BATCH = 500;
    private static final Duration LONGEST = Duration.ofHours(1);
    private static final String WORKSPACE_COLUMN = "workspace_id";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    @Inject
    WorkspaceSql sql;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ObjectMapper json;

    @Inject
    BackupConfig config;

    @Inject
    Event<WorkspaceRestored> restoredEvent;

    @Inject
    ServiceConfig serviceConfig;

    /** Refuses (503) before a response starts when backups cannot be signed here. */
    public void requireSigningKey() {
        signature();
    }

    /** A fresh signature keyed by this install's signing key; 503 when there is none. */
    private BackupSignature signature() {
        return BackupSignature.of(config.signingKey().orElse(null));
    }

    /** Writes every row of the current workspace, in one read-only snapshot. */
    public void write(OutputStream out) {
        String workspace = workspaces.require();
        BackupSignature signature = signature();
        QuarkusTransaction.requiringNew().timeout((int) LONGEST.toSeconds()).run(() -> {
            sql.crossWorkspace("a transaction setting, no rows", "set transaction isolation level repeatable read, read only")
                    .execute();
            try (JsonGenerator generator = json.getFactory().createGenerator(signature.signing(out))
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                generator.setRootValueSeparator(null);
                ObjectNode header = json.createObjectNode()
                        .put("rapportBackup", FORMAT).put("service", service()).put("workspace", workspace)
                        .put("schemaVersion", schemaVersion()).put("createdAt", Instant.now().toString());
                line(generator, header);
                long rows = 0;
                for (String table : tables()) {
                    try (Stream<?> found = sql.query("select cast(to_jsonb(t) - 'workspace_id' as text) from "
                                    + table + " t where workspace_id = :workspace")
                            .hint(HibernateHints.HINT_FETCH_SIZE, BATCH)
                            .stream()) {
                        Iterator<?> it = found.iterator();
                        while (it.hasNext()) {
                            ObjectNode line = json.createObjectNode().put("table", table);
                            line.set("row", json.readTree((String) it.next()));
                            line(generator, line);
                            rows++;
                        }
                    }
                }
                generator.flush();
                line(generator, json.createObjectNode().set("end", json.createObjectNode().put("rows", rows)
                        .put("signature", signature.sign())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void line(JsonGenerator generator, JsonNode line) throws IOException {
        generator.writeTree(line);
        generator.writeRaw('\n');
    }

    /**
     * Restores a backup of this service into the current workspace, which must hold nothing yet; the rows
     * restored, by table. The backup may come from another workspace or install: the rows join this one.
     */
    public Map<String, Long> restore(InputStream in) {
        String workspace = workspaces.require();
        BackupSignature signature = signature();
        try (VerifiedBackup verified = VerifiedBackup.read(in, signature, this::endLineOf)) {
            return restoreVerified(workspace, verified);
        }
    }

    private VerifiedBackup.EndLine endLineOf(byte[] line) {
        try {
            JsonNode tree = json.readTree(line);
            JsonNode end = tree.path("end");
            boolean asWritten = tree.size() == 1 && end.size() == 2 && end.path("rows").canConvertToExactIntegral()
                    && end.path("signature").isTextual();
            return asWritten ? new VerifiedBackup.EndLine(end.path("rows").asLong(), end.path("signature").textValue()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Map<String, Long> restoreVerified(String workspace, VerifiedBackup verified) {
        return QuarkusTransaction.requiringNew().timeout((int) LONGEST.toSeconds()).call(() -> {
            if (!isEmpty()) {
                throw Problems.conflict("Workspace " + workspace + " already holds data in " + service()
                        + "; a backup restores only into an empty workspace");
            }
            Map<String, Long> restored = new LinkedHashMap<>();
            tables().forEach(table -> restored.put(table, 0L));
            try (InputStream in = verified.open(); MappingIterator<JsonNode> lines = json.readerFor(JsonNode.class).readValues(in)) {
                readHeader(lines);
                Batch batch = new Batch();
                long total = 0;
                while (lines.hasNextValue()) {
                    JsonNode line = lines.nextValue();
                    if (line.has("end")) {
                        batch.insert();
                        if (line.path("end").path("rows").asLong(-1) != total || lines.hasNextValue()) {
                            throw Problems.malformed("The backup's end line does not match the " + total + " rows read");
                        }
                        restoredEvent.fire(new WorkspaceRestored(workspace, Map.copyOf(restored)));
                        return restored;
                    }
                    String table = line.path("table").asText();
                    if (!restored.containsKey(table) || !line.path("row").isObject()) {
                        throw Problems.malformed("Line " + (total + 2) + " is not a row of one of " + tables());
                    }
                    batch.add(table, (ObjectNode) line.get("row"));
                    restored.merge(table, 1L, Long::sum);
                    total++;
                }
                throw Problems.malformed("The backup ends after " + total + " rows without its end line: it was cut off");
            } catch (IOException e) {
                throw Problems.malformed("The backup is not NDJSON: " + e.getMessage());
            } catch (PersistenceException e) {
                throw rejected(e);
            }
        });
    }

    private void readHeader(MappingIterator<JsonNode> lines) throws IOException {
        JsonNode header = lines.hasNextValue() ? lines.nextValue() : null;
        if (header == null || header.path("rapportBackup").asInt() != FORMAT) {
            throw Problems.malformed("Not a Rapport backup (format " + FORMAT + "): the first line is its header");
        }
        String service = service();
        if (!service.equals(header.path("service").asText())) {
            throw Problems.malformed("This is a backup of " + header.path("service").asText() + ", not of " + service);
        }
        String schema = schemaVersion();
        if (header.path("schemaVersion").asInt() > Integer.parseInt(schema)) {
            throw Problems.malformed("The backup comes from a newer " + service + " (schema " + header.path("schemaVersion").asText()
                    + ", this one has " + schema + "); upgrade before restoring it");
        }
    }

    private boolean isEmpty() {
        return tables().stream().allMatch(table -> sql.query(
                        "select 1 from " + table + " where workspace_id = :workspace limit 1")
                .list().isEmpty());
    }

    private String service() {
        return serviceConfig.name();
    }

    private String schemaVersion() {
        Object version = sql.crossWorkspace("the schema's version, the same for every workspace", """
                        select coalesce(max(cast(version as int)), 0) from flyway_schema_history
                         where success and version ~ '^[0-9]+$'""")
                .single();
        return version.toString();
    }

    private List<String> tables() {
        List<String> tables = config.tables().orElse(List.of());
        tables.forEach(table -> {
            if (!IDENTIFIER.matcher(table).matches()) {
                throw new IllegalStateException("rapport.backup.tables holds " + table + ", not a table name");
            }
        });
        return tables;
    }

    /**
     * A constraint the rows break is a conflict; a value PostgreSQL cannot read, bad input. Never PostgreSQL's own
     * words, which name tables and repeat values. Only a signed backup gets here, so a clash tells its admin no more
     * than they knew: that their workspace's rows, which they backed up, are still in this install.
     */
    private static RuntimeException rejected(PersistenceException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        String state = cause == null || ((SQLException) cause).getSQLState() == null ? "" : ((SQLException) cause).getSQLState();
        if (state.startsWith("23")) {
            return Problems.conflict("The backup's rows are already in this install (its workspace still holds them, "
                    + "here or under another name): restore it where they are not");
        }
        if (state.startsWith("22")) {
            return Problems.malformed("The backup holds a value that cannot be restored into this version of the service");
        }
        return e;
    }

    /** Rows of one table, inserted together into the current workspace. */
    private final class Batch {
        private final ArrayNode rows;
        private String table;

        Batch() {
            this.rows = json.createArrayNode();
        }

        void add(String table, ObjectNode row) {
            if (!table.equals(this.table) || rows.size() == BATCH) {
                insert();
                this.table = table;
            }
            rows.add(row);
        }

        void insert() {
            if (rows.isEmpty()) {
                return;
            }
            Set<String> keys = new LinkedHashSet<>();
            rows.forEach(row -> row.fieldNames().forEachRemaining(keys::add));
            List<String> columns = new ArrayList<>(columnsOf(table));
            columns.retainAll(keys);
            columns.remove(WORKSPACE_COLUMN);
            String list = columns.stream().map(c -> ", \"" + c + "\"").collect(Collectors.joining());
            sql.query("insert into " + table + " (" + WORKSPACE_COLUMN + list + ") select :workspace" + list
                            + " from jsonb_populate_recordset(null::" + table + ", cast(:rows as jsonb))")
                    .set("rows", rows.toString())
                    .execute();
            rows.removeAll();
        }

        /** The columns a restore writes: generated ones are PostgreSQL's to compute again. */
        private List<String> columnsOf(String table) {
            return sql.crossWorkspace("the catalog's column names, the same for every workspace", """
                            select column_name from information_schema.columns
                             where table_schema = current_schema() and table_name = :table and is_generated = 'NEVER'
                             order by ordinal_position""")
                    .set("table", table).list();
        }
    }
}
