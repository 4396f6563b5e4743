package dev.rapport.contacts.domain;

/** What an imported file is; also names where an imported contact came from ({@code contact_source.source}). */
public enum ImportFormat {
    VCARD, LINKEDIN_CSV, GOOGLE_CSV, RAPPORT_JSON
}
