package dev.rapport.kit.backup;

import dev.rapport.kit.config.ServiceConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names the shared backup operations and their tag after the service in its API document ({@code backupContacts},
 * {@code restoreContacts}, tag {@code Contacts backup}), so operation ids and tags stay unique in the combined
 * document of all services.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class BackupApiNames implements OASFilter {

    static final String BACKUP = "backupWorkspace";
    static final String RESTORE = "restoreWorkspace";
    static final String TAG = "Backup";

    private final String area = area(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
            .getConfigMapping(ServiceConfig.class).name());

    @Override
    public Operation filterOperation(Operation operation) {
        if (BACKUP.equals(operation.getOperationId())) {
            operation.setOperationId("backup" + area);
        } else if (RESTORE.equals(operation.getOperationId())) {
            operation.setOperationId("restore" + area);
        }
        if (operation.getTags() != null && operation.getTags().contains(TAG)) {
            operation.setTags(operation.getTags().stream().map(tag -> tag.equals(TAG) ? tag() : tag).toList());
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            openAPI.getTags().stream().filter(tag -> TAG.equals(tag.getName())).forEach(tag -> tag.setName(tag()));
        }
    }

    private String tag() {
        return area + " backup";
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
