package dev.rapport.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Malformed and boundary requests made from a service's OpenAPI document: for a random operation, path parameters,
 * query parameters, headers and a body drawn from what the document declares, then broken in one of the ways clients
 * break them (wrong JSON kinds, huge and negative numbers, unknown enum values, NUL and invalid UTF-8, deep nesting,
 * cut-off bodies, wrong content types, broken cursors, bad ids). One seed gives one sequence of requests.
 */
final class RequestFuzzer {

    /** One request, as bytes on the wire would carry it. */
    record FuzzRequest(String operation, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + pathAndQuery.substring(0, Math.min(pathAndQuery.length(), 300)) + " " + headers
                    + (body == null ? "" : " body(" + body.length + " bytes): " + shown);
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> BAD_IDS = List.of("not-a-uuid", "0", "-1", "00000000-0000-0000-0000-000000000000",
            "%00", "..%2F..%2Fetc%2Fpasswd", "%E2%82%AC", "%FF%FE", "x".repeat(5000), "%7B%7D", "null", "%27%20or%201%3D1%20--");
    private static final List<String> ODD_TEXT = List.of("", " ", "\u0000", "a\u0000b", "\uD800", "\uDFFF x",
            "😀".repeat(200), "x".repeat(100_000), "<script>alert(1)</script>", "${jndi:ldap://x}", "%s%n", "-1",
            "9".repeat(40), "1e309", "NaN", "true", "[]", "{}", "null", "2026-02-30", "9999-99-99", "P-1D", "PT1000000000H");

    private final JsonNode document;
    private final Random random;
    private final List<String> knownIds;
    private final List<String[]> operations = new ArrayList<>();

    RequestFuzzer(JsonNode document, long seed, List<String> knownIds) {
        this.document = document;
        this.random = new Random(seed);
        this.knownIds = knownIds;
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                operations.add(new String[] {path.getKey(), method});
            }
        }));
    }

    FuzzRequest next() {
        String[] chosen = operations.get(random.nextInt(operations.size()));
        String template = chosen[0];
        String method = chosen[1];
        JsonNode operation = document.at("/paths/" + template.replace("~", "~0").replace("/", "~1") + "/" + method);
        String operationId = operation.path("operationId").asText(method + " " + template);

        StringBuilder path = new StringBuilder();
        for (String segment : template.split("/", -1)) {
            if (path.length() > 0 || !segment.isEmpty()) {
                path.append('/');
            }
            path.append(segment.startsWith("{") || segment.contains("{") ? segment.replaceAll("\\{[^}]+}", pathValue(method)) : segment);
        }
        if (path.length() == 0) {
            path.append('/');
        }

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : parameters(operation)) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            if (in.equals("query") && random.nextInt(3) > 0) {
                query.add(encode(name) + "=" + encode(value(resolve(parameter.path("schema")), name)));
            } else if (in.equals("header") && random.nextBoolean()) {
                headers.put(name, headerSafe(value(resolve(parameter.path("schema")), name)));
            }
        }
        if (random.nextInt(8) == 0) {
            query.add(encode(ODD_TEXT.get(random.nextInt(ODD_TEXT.size()))) + "=" + encode(pick(ODD_TEXT)));
        }
        if (random.nextInt(6) == 0) {
            headers.put(pick(List.of("If-Match", "If-None-Match", "Idempotency-Key", "Accept")), headerSafe(pick(ODD_TEXT)));
        }

        byte[] body = null;
        if (!method.equals("get") && !method.equals("delete")) {
            JsonNode content = operation.at("/requestBody/content");
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            String type = types.isEmpty() ? "application/json" : pick(types);
            body = body(type, resolve(content.path(type).path("schema")));
            headers.put("Content-Type", random.nextInt(10) == 0 ? pick(List.of("text/plain", "application/xml",
                    "application/json; charset=latin1", "multipart/form-data; boundary=", "*/*", "application/json")) : type);
        }
        String pathAndQuery = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return new FuzzRequest(operationId, method.toUpperCase(), pathAndQuery, headers, body);
    }

    private String pathValue(String method) {
        // Existing ids let a request reach the code behind the lookup; deletes only ever get ids of nothing.
        if (!method.equals("delete") && !knownIds.isEmpty() && random.nextBoolean()) {
            return knownIds.get(random.nextInt(knownIds.size()));
        }
        return random.nextBoolean() ? UUID.randomUUID().toString() : pick(BAD_IDS);
    }

    private List<JsonNode> parameters(JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        operation.path("parameters").forEach(p -> all.add(resolve(p)));
        return all;
    }

    /** A value for a query parameter or header: plausible, or broken. */
    private String value(JsonNode schema, String name) {
        if (random.nextInt(3) == 0) {
            return pick(ODD_TEXT);
        }
        if (name.equals("cursor") || name.equals("after")) {
            return pick(List.of("eyJ4IjoxfQ", "AAAA", "!!!", "e30", UUID.randomUUID().toString(), "x".repeat(3000)));
        }
        JsonNode generated = generate(schema, 0);
        return generated.isTextual() ? generated.asText() : generated.toString();
    }

    private byte[] body(String type, JsonNode schema) {
        if (type.contains("json") && !type.contains("ndjson")) {
            return json(schema);
        }
        if (type.startsWith("multipart/")) {
            String boundary = "fuzz" + random.nextInt(1000);
            String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.vcf\"\r\n"
                    + "Content-Type: text/vcard\r\n\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + pick(ODD_TEXT) + "\r\nEND:VCARD\r\n";
            String full = part + "--" + boundary + "--\r\n";
            // Cut off anywhere: truncated uploads are what flaky networks send.
            String sent = random.nextBoolean() ? full.substring(0, random.nextInt(full.length())) : full;
            return sent.getBytes(StandardCharsets.UTF_8);
        }
        List<Supplier<String>> texts = List.of(
                () -> "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + pick(ODD_TEXT) + "\r\nTEL;TYPE=CELL:" + pick(ODD_TEXT) + "\r\nBDAY:--0229\r\n",
                () -> "First Name,Last Name,Email Address\r\n\"" + pick(ODD_TEXT) + "\",x,\"y@\"\r\n\"unclosed",
                () -> "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Nowhere/Land:20261301T250000\r\nRRULE:FREQ=SECONDLY;COUNT=99999999\r\nEND:VEVENT\r\n",
                () -> "{\"header\":" + pick(ODD_TEXT) + "}\n{\"table\":\"contact\",\"row\":{}}\n",
                () -> pick(ODD_TEXT));
        byte[] text = texts.get(random.nextInt(texts.size())).get().getBytes(StandardCharsets.UTF_8);
        return random.nextInt(5) == 0 ? withInvalidUtf8(text) : text;
    }

    private byte[] json(JsonNode schema) {
        JsonNode value = generate(schema, 0);
        switch (random.nextInt(12)) {
            case 0 -> {
                return withInvalidUtf8(value.toString().getBytes(StandardCharsets.UTF_8));
            }
            case 1 -> {
                String whole = value.toString();
                return whole.substring(0, random.nextInt(Math.max(1, whole.length()))).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                int depth = 500 + random.nextInt(5000);
                return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                return (value + " trailing").getBytes(StandardCharsets.UTF_8);
            }
            case 4 -> {
                return pick(List.of("", "null", "[]", "\"text\"", "42", "{\"a\":1,\"a\":2}", "{", "\u0000"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return mutate(value).toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /** One field of the object replaced by a value of another kind, an odd string, a huge number or an unknown key. */
    private JsonNode mutate(JsonNode value) {
        if (!(value instanceof ObjectNode object) || object.isEmpty() || random.nextInt(5) == 0) {
            if (value instanceof ObjectNode object) {
                object.put("unknownField" + random.nextInt(10), pick(ODD_TEXT));
            }
            return value;
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = pick(names);
        JsonNode field = object.get(name);
        if (field instanceof ObjectNode && random.nextBoolean()) {
            mutate(field);
            return object;
        }
        switch (random.nextInt(9)) {
            case 0 -> object.put(name, pick(ODD_TEXT));
            case 1 -> object.put(name, random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
            case 2 -> object.put(name, new java.math.BigInteger("9".repeat(60)));
            case 3 -> object.put(name, -1.5e308);
            case 4 -> object.set(name, JSON.arrayNode().add(field == null ? JSON.nullNode() : field));
            case 5 -> object.set(name, JSON.objectNode().set("nested", field));
            case 6 -> object.putNull(name);
            case 7 -> object.put(name, !field.asBoolean());
            default -> object.put(name, "x".repeat(random.nextInt(2) == 0 ? 70_000 : 1_100_000));
        }
        return object;
    }

    /** A value the schema allows (mostly): the base the mutations break. */
    JsonNode generate(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return JSON.nullNode();
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combiner) && schema.get(combiner).size() > 0) {
                JsonNode options = schema.get(combiner);
                return generate(options.get(random.nextInt(options.size())), depth + 1);
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return random.nextInt(6) == 0 ? JSON.textNode("not-one-of-them") : schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    var property = it.next();
                    if (random.nextInt(10) < 7) {
                        object.set(property.getKey(), generate(property.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(generate(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return JSON.numberNode(pick(List.of(0L, 1L, 2L, 50L, 200L, 201L, -1L, 1000000L, (long) Integer.MAX_VALUE + 1)));
            }
            case "number" -> {
                return JSON.numberNode(random.nextDouble() * 1000 - 10);
            }
            case "boolean" -> {
                return JSON.booleanNode(random.nextBoolean());
            }
            default -> {
                String format = schema.path("format").asText();
                return JSON.textNode(switch (format) {
                    case "uuid" -> knownIds.isEmpty() || random.nextBoolean() ? UUID.randomUUID().toString() : pick(knownIds);
                    case "date" -> pick(List.of("2026-11-30", "0001-01-01", "9999-12-31", "2026-02-29", "10000-01-01"));
                    case "date-time" -> pick(List.of("2026-11-30T10:00:00Z", "2026-11-30T10:00:00", "1970-01-01T00:00:00+14:00"));
                    case "email" -> pick(List.of("ada@example.org", "@", "a@b"));
                    case "uri", "url" -> pick(List.of("https://example.org/x", "webcal://example.org/c.ics", "http://127.0.0.1:22/", "file:///etc/passwd"));
                    default -> pick(List.of("Ada", "Lovelace", "Europe/London", "P30D", "mentor", "+44 20 7946 0958", "linkedin"));
                });
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node == null ? MAPPER.createObjectNode() : node;
    }

    private byte[] withInvalidUtf8(byte[] text) {
        byte[] broken = new byte[text.length + 2];
        int at = text.length == 0 ? 0 : random.nextInt(text.length);
        System.arraycopy(text, 0, broken, 0, at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        System.arraycopy(text, at, broken, at + 2, text.length - at);
        return broken;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Header values cannot carry CR, LF or NUL on the wire: those become visible escapes. */
    private static String headerSafe(String value) {
        String safe = value.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        safe = new String(safe.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        return safe.length() > 8000 ? safe.substring(0, 8000) : safe;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
