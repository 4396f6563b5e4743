package dev.rapport.kit.backup;

import java.util.Map;

/**
 * Fired inside a restore's transaction once every row is back, so the service can announce what it restored
 * (its events go out only if the restore commits).
 */
public record WorkspaceRestored(String workspace, Map<String, Long> rowsByTable) {
}
