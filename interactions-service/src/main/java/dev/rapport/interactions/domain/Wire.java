package dev.rapport.interactions.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The API's and the events' lower-case names of this service's enumerations. */
public final class Wire {

    private Wire() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidValue naming the accepted values */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(text)) {
                return value;
            }
        }
        throw new InvalidValue("must be one of " + names(type));
    }

    public static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Wire::of).collect(Collectors.joining(", "));
    }
}
