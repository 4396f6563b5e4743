package dev.rapport.contacts.rest;

import dev.rapport.contacts.domain.ContactDraft;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's {@link ContactInput} documents (in the OpenAPI document) the limits that {@link ContactDraft} enforces
 * when it is read: both carry the same constraints, field by field and list item by list item.
 */
class ContactInputConstraintsTest {

    @Test
    void theInputDocumentsTheConstraintsTheDraftEnforces() {
        Map<String, List<String>> draft = constraints(ContactDraft.class);
        assertTrue(draft.get("givenName").stream().anyMatch(c -> c.contains("Size")), "constraints are found at all");
        assertTrue(draft.get("tags").stream().anyMatch(c -> c.startsWith("item ") && c.contains("NotBlank")),
                "list item constraints are found at all");
        assertEquals(constraints(ContactDraft.class), constraints(ContactInput.class));
        assertEquals(constraints(ContactDraft.Email.class), constraints(ContactInput.Email.class));
        assertEquals(constraints(ContactDraft.Phone.class), constraints(ContactInput.Phone.class));
        assertEquals(constraints(ContactDraft.SocialProfile.class), constraints(ContactInput.SocialProfile.class));
        assertEquals(constraints(ContactDraft.Website.class), constraints(ContactInput.Website.class));
        assertEquals(constraints(ContactDraft.Birthday.class), constraints(ContactInput.Birthday.class));
    }

    /** Each field's Bean Validation annotations, its own and its list items' ({@code List<@NotBlank String>}). */
    private static Map<String, List<String>> constraints(Class<?> record) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            List<String> found = new ArrayList<>(validation(component.getAccessor().getAnnotations()));
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list) {
                for (AnnotatedType item : list.getAnnotatedActualTypeArguments()) {
                    validation(item.getAnnotations()).forEach(a -> found.add("item " + a));
                }
            }
            fields.put(component.getName(), found);
        }
        return fields;
    }

    private static List<String> validation(Annotation[] annotations) {
        return Arrays.stream(annotations).filter(a -> a.annotationType().getPackageName().startsWith("jakarta.validation"))
                .map(Annotation::toString).sorted().toList();
    }
}
