package dev.rapport.kit.openapi;

import dev.rapport.kit.config.ServiceConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

import java.util.Map;

/**
 * Names the operations every service inherits from the kit (backup, restore, the changes feed) and their tags after
 * the service in its API document ({@code backupContacts}, {@code listContactsChanges}, tag {@code Contacts backup}),
 * so operation ids and tags stay unique in the combined document of all services.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class SharedApiNames implements OASFilter {

    public static final String BACKUP = "backupWorkspace";
    public static final String RESTORE = "restoreWorkspace";
    public static final String CHANGES = "listChanges";
    public static final String BACKUP_TAG = "Backup";
    public static final String CHANGES_TAG = "Changes";

    /** Shared name → the service's, {@code %s} standing for its area ({@code Contacts}). */
    private static final Map<String, String> OPERATIONS = Map.of(
            BACKUP, "backup%s", RESTORE, "restore%s", CHANGES, "list%sChanges");
    private static final Map<String, String> TAGS = Map.of(BACKUP_TAG, "%s backup", CHANGES_TAG, "%s changes");

    private final String area = area(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
            .getConfigMapping(ServiceConfig.class).name());

    @Override
    public Operation filterOperation(Operation operation) {
        String renamed = operation.getOperationId() == null ? null : OPERATIONS.get(operation.getOperationId());
        if (renamed != null) {
            operation.setOperationId(renamed.formatted(area));
        }
        if (operation.getTags() != null) {
            operation.setTags(operation.getTags().stream().map(this::tag).toList());
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(tag -> tag.setName(tag(tag.getName())));
        }
    }

    private String tag(String name) {
        return TAGS.containsKey(name) ? TAGS.get(name).formatted(area) : name;
    }

    /** {@code contacts-service} → {@code Contacts}; {@code kit-test} → {@code KitTest}. */
    static String area(String serviceName) {
        StringBuilder name = new StringBuilder();
        for (String word : serviceName.replaceFirst("-service$", "").split("-")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }
}
