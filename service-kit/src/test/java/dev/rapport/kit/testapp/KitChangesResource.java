package dev.rapport.kit.testapp;

import dev.rapport.kit.changes.ChangesResource;
import jakarta.ws.rs.Path;

@Path("/v1/changes/kit-test")
public class KitChangesResource extends ChangesResource {
}
