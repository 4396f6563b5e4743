package dev.rapport.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shapes the schemas the way Jackson really writes and reads them, so generated clients get the types right:
 * <ul>
 * <li><b>Responses</b> carry every property (nulls are written, not left out), so each property of a schema only
 * responses (2xx and 3xx) use is {@code required}; a property its class did not mark {@code required = true} may be null, and so
 * may a map's values.</li>
 * <li><b>Merge patches</b> (a body only read as {@code application/merge-patch+json}, from {@code <Name>Input}) get their
 * own schema, {@code <Name>Patch}, where every property is optional and those creating does not require may be
 * {@code null}, which removes them (RFC 7396); properties marked {@link #CREATE_ONLY} are left out.</li>
 * <li><b>Request bodies</b> leave out what they do not need: a default is said in the description, not as
 * {@code default}, which client generators read as "always present".</li>
 * </ul>
 */
public final class SchemaShapes {

    /**
     * Marks a property of an {@code <Name>Input} that is set when creating only: its {@code <Name>Patch} leaves it out
     * ({@code @Schema(extensions = @Extension(name = SchemaShapes.CREATE_ONLY, value = "true"))}).
     */
    public static final String CREATE_ONLY = "x-create-only";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private SchemaShapes() {
    }

    static void apply(Map<String, Schema> schemas, List<Operation> operations) {
        Set<String> read = new HashSet<>();
        Set<String> written = new HashSet<>();
        for (Operation operation : operations) {
            patchSchemas(operation.getRequestBody(), schemas);
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> collect(media.getSchema(), schemas, read));
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(parameter -> collect(parameter.getSchema(), schemas, read));
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if ((status.startsWith("2") || status.startsWith("3")) && response.getContent() != null) {
                        response.getContent().getMediaTypes().values().forEach(media -> collect(media.getSchema(), schemas, written));
                    }
                });
            }
        }
        schemas.forEach((name, schema) -> {
            if (written.contains(name) && !read.contains(name)) {
                asWritten(schema);
            } else if (read.contains(name) && !written.contains(name)) {
                asRead(schema);
            }
        });
    }

    /** Every property present; those not marked required may be null. */
    private static void asWritten(Schema schema) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        Set<String> nonNull = new HashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            Schema shaped = nonNull.contains(name) ? property : nullable(property);
            if (shaped.getAdditionalPropertiesSchema() != null) {
                // A map's null values are written too (a history entry's "department": null).
                shaped = copy(shaped);
                shaped.setAdditionalPropertiesSchema(nullable(shaped.getAdditionalPropertiesSchema()));
            }
            properties.put(name, shaped);
        });
        schema.setProperties(properties);
        schema.setRequired(new ArrayList<>(properties.keySet()));
    }

    private static void asRead(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(SchemaShapes::sayDefault);
    }

    private static void sayDefault(Schema property) {
        Object value = property.getDefaultValue();
        if (value == null) {
            return;
        }
        property.setDefaultValue(null);
        String description = property.getDescription();
        if (description == null || !description.toLowerCase().contains("default")) {
            property.setDescription(sentence(description) + "Default: " + value + ".");
        }
    }

    /** The body of a merge patch becomes {@code <Name>Patch}: the same properties, none required, each nullable. */
    private static void patchSchemas(RequestBody body, Map<String, Schema> schemas) {
        if (body == null || body.getContent() == null) {
            return;
        }
        MediaType patch = body.getContent().getMediaType(MERGE_PATCH);
        // Only a body read as a merge patch alone; a schema already named ...Patch was written for its operation.
        if (patch == null || body.getContent().getMediaTypes().size() != 1 || patch.getSchema() == null
                || patch.getSchema().getRef() == null || !patch.getSchema().getRef().endsWith("Input")) {
            return;
        }
        String input = patch.getSchema().getRef().substring(SCHEMAS.length());
        String name = input.substring(0, input.length() - "Input".length()) + "Patch";
        Schema source = schemas.get(input);
        if (source == null) {
            return;
        }
        // What creating requires cannot be removed: null there is a 422, so only the others admit null.
        Set<String> kept = new HashSet<>(source.getRequired() == null ? List.of() : source.getRequired());
        Schema copy = copy(source);
        copy.setRequired(null);
        if (source.getProperties() != null) {
            Map<String, Schema> properties = new LinkedHashMap<>();
            source.getProperties().forEach((property, schema) -> {
                if (createOnly(schema)) {
                    return;
                }
                Schema optional = kept.contains(property) ? copy(schema) : nullable(copy(schema));
                optional.setDefaultValue(null);
                properties.put(property, optional);
            });
            copy.setProperties(properties);
        }
        copy.setDescription(sentence(source.getDescription())
                + "A JSON Merge Patch (RFC 7396): send only what changes; null removes a field (one that creating does not "
                + "require); a list replaces the whole list.");
        schemas.put(name, copy);
        patch.setSchema(OASFactory.createSchema().ref(SCHEMAS + name));
    }

    private static boolean createOnly(Schema property) {
        return (property.getExtensions() != null && property.getExtensions().containsKey(CREATE_ONLY))
                || property.get(CREATE_ONLY) != null;
    }

    /** The text as a sentence followed by a space, or nothing. */
    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String stripped = text.strip();
        return stripped + (stripped.endsWith(".") ? " " : ". ");
    }

    /** The same schema that also admits null. */
    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema either = OASFactory.createSchema().anyOf(List.of(
                    OASFactory.createSchema().ref(property.getRef()),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            if (property.getDescription() != null) {
                either.setDescription(property.getDescription());
            }
            return either;
        }
        Schema copy = copy(property);
        if (copy.getType() != null && !copy.getType().contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> types = new ArrayList<>(copy.getType());
            types.add(Schema.SchemaType.NULL);
            copy.setType(types);
        }
        if (copy.getEnumeration() != null && !copy.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(copy.getEnumeration());
            values.add(null);
            copy.setEnumeration(values);
        }
        return copy;
    }

    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        copy.setAll(new LinkedHashMap<>(schema.getAll()));
        return copy;
    }

    /** Adds the named schemas {@code schema} refers to, directly or through others, to {@code names}. */
    private static void collect(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (names.add(name)) {
                collect(schemas.get(name), schemas, names);
            }
            return;
        }
        List<Schema> parts = new ArrayList<>();
        if (schema.getProperties() != null) {
            parts.addAll(schema.getProperties().values());
        }
        add(parts, schema.getItems());
        add(parts, schema.getAdditionalPropertiesSchema());
        addAll(parts, schema.getAllOf());
        addAll(parts, schema.getAnyOf());
        addAll(parts, schema.getOneOf());
        parts.forEach(part -> collect(part, schemas, names));
    }

    private static void add(List<Schema> parts, Schema part) {
        if (part != null) {
            parts.add(part);
        }
    }

    private static void addAll(List<Schema> parts, Collection<Schema> more) {
        if (more != null) {
            parts.addAll(more);
        }
    }
}
