package dev.rapport.contacts.domain;

import java.util.ArrayList;
import java.util.List;

/** A contact's phones as one list: the same phone met twice (once without its country) is kept once. */
final class PhoneLists {
    private PhoneLists() {
    }

    /**
     * Drops each number kept as written that another phone of the list holds normalised ({@code 0151 23456789}
     * beside {@code +4915123456789}); the normalised one takes its label and primary mark when it has none.
     */
    static List<PhoneNumber> withoutTwins(List<PhoneNumber> phones) {
        List<PhoneNumber> kept = new ArrayList<>(phones);
        for (PhoneNumber asWritten : phones) {
            if (asWritten.normalised()) {
                continue;
            }
            for (int i = 0; i < kept.size(); i++) {
                PhoneNumber twin = kept.get(i);
                if (twin.normalised() && PhoneNumbers.sameNumber(asWritten.original(), twin.number())) {
                    kept.set(i, new PhoneNumber(twin.number(), twin.original(),
                            twin.label() != null ? twin.label() : asWritten.label(), twin.primary() || asWritten.primary()));
                    kept.remove(asWritten);
                    break;
                }
            }
        }
        return kept;
    }
}
