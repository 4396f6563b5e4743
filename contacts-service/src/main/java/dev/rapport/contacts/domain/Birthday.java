package dev.rapport.contacts.domain;

/** Day and month always; the year only when known. */
public record Birthday(int month, int day, Integer year) {

    /** Whether this is the same day as {@code other}, saying at least as much (a year where it has none). */
    public boolean includes(Birthday other) {
        return month == other.month && day == other.day && (other.year == null || other.year.equals(year));
    }

    /** ISO 8601, with RFC 6350's {@code --MM-DD} when the year is unknown. */
    @Override
    public String toString() {
        return (year == null ? "-" : String.format("%04d", year)) + String.format("-%02d-%02d", month, day);
    }
}
