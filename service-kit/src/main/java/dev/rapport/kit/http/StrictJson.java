package dev.rapport.kit.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly: malformed JSON is a 400 (trailing content after the object, a key given twice
 * and unpaired surrogates included: each would otherwise be read as something the client did not mean); an
 * unknown field or a value of the wrong type (a number or true/false for text, text for a number) is a 422 naming the
 * field. Unknown fields are rejected (not ignored) so a typo never silently drops data.
 */
@ApplicationScoped
public class StrictJson {

    @Inject
    ObjectMapper mapper;

    /**
     * The application's mapper, but a value of another JSON kind is never converted: Jackson would read {@code 123}
     * into a text field as "123" and {@code "45"} into a number as 45, so a client's mistake would be stored as if
     * meant.
     */
    private ObjectMapper noCoercion;

    @PostConstruct
    void refuseCoercion() {
        noCoercion = mapper.copy();
        noCoercion.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
            noCoercion.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        noCoercion.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /** The router refuses larger declared bodies (BodyTooLargeProblem); this catches chunked ones. */
    @Inject
    HttpConfig config;

    public JsonNode tree(String body) {
        long limit = config.maxJsonBody().asLongValue();
        if (body != null && body.length() > limit) {
            throw Problems.tooLarge(limit);
        }
        if (body == null || body.isBlank()) {
            throw Problems.malformed("The request body is empty");
        }
        try {
            JsonNode node = mapper.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .readTree(body);
            if (node == null || node.isMissingNode() || !node.isObject()) {
                throw Problems.malformed("The request body must be a JSON object");
            }
            Text.firstFailing(node, text -> text.indexOf('\u0000') < 0).ifPresent(field -> {
                throw Problems.invalid(FieldError.body(field, "must not contain the NUL character (\\u0000)"));
            });
            Text.firstFailing(node, Text::isStorable).ifPresent(field -> {
                throw Problems.malformed("The request body holds an unpaired UTF-16 surrogate at " + field
                        + ": that is not Unicode text");
            });
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's own words for this one name its classes and settings.
            String reason = e.getOriginalMessage().startsWith("Trailing token")
                    ? "more follows the JSON object"
                    : e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "");
            throw Problems.malformed("The request body is not valid JSON: " + reason);
        }
    }

    public <T> T read(JsonNode tree, Class<T> type) {
        try {
            return noCoercion.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            throw Problems.invalid(FieldError.body(path(e), "is not a known field"));
        } catch (MismatchedInputException e) {
            throw Problems.invalid(FieldError.body(path(e), "has the wrong type (expected " + jsonType(e.getTargetType()) + ")"));
        } catch (JsonMappingException e) {
            // Jackson's words name Java types ("out of range of int"): say it in the API's.
            String message = e.getOriginalMessage();
            throw Problems.invalid(FieldError.body(path(e), message != null && message.startsWith("Numeric value")
                    ? "is out of range" : message));
        } catch (java.io.IOException e) {
            throw Problems.malformed("The request body could not be read");
        }
    }

    /** The JSON kind of value a Java type is read from, as a client knows it. */
    static String jsonType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a string holding a UUID";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
