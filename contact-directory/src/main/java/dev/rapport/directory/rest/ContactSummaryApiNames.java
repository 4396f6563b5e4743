package dev.rapport.directory.rest;

import dev.rapport.directory.config.DirectoryConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives the shared summary endpoint the service's own names in its API document, so operation ids and schema
 * names stay unique across the services (a front end generating one client for all of them sees no clash):
 * {@code getContactSummary}, {@code ContactSummary} and {@code ContactBirthday} become, with the prefix
 * {@code Interaction}, {@code getInteractionContactSummary}, {@code InteractionContactSummary} and
 * {@code InteractionContactBirthday}, tagged {@code Interaction contact summaries} ({@link DirectoryConfig.OpenApi}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContactSummaryApiNames implements OASFilter {

    static final String OPERATION_ID = "getContactSummary";
    static final String SUMMARY_SCHEMA = "ContactSummary";
    static final String BIRTHDAY_SCHEMA = "ContactBirthday";
    static final String TAG = "Contact summaries";
    private static final String SCHEMAS = "#/components/schemas/";

    private final DirectoryConfig.OpenApi names = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
            .getConfigMapping(DirectoryConfig.class).openapi();

    @Override
    public Operation filterOperation(Operation operation) {
        if (OPERATION_ID.equals(operation.getOperationId())) {
            operation.setOperationId("get" + renamed(SUMMARY_SCHEMA));
            operation.setSummary(names.summary());
            operation.setTags(List.of(renamedTag()));
        }
        return operation;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (name.equals(SUMMARY_SCHEMA) || name.equals(BIRTHDAY_SCHEMA)) {
                schema.setRef(SCHEMAS + renamed(name));
            }
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            openAPI.getTags().stream().filter(tag -> TAG.equals(tag.getName())).forEach(tag -> tag.setName(renamedTag()));
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        // Sorted by name, as SmallRye lists them.
        Map<String, Schema> schemas = new TreeMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (name.equals(SUMMARY_SCHEMA)) {
                schema.setDescription(names.summary() + ".");
            }
            boolean ours = name.equals(SUMMARY_SCHEMA) || name.equals(BIRTHDAY_SCHEMA);
            schemas.put(ours ? renamed(name) : name, schema);
        });
        openAPI.getComponents().setSchemas(schemas);
    }

    /** {@code Interaction contact summaries}. */
    private String renamedTag() {
        return names.prefix() + " contact summaries";
    }

    private String renamed(String name) {
        return names.prefix() + name;
    }
}
