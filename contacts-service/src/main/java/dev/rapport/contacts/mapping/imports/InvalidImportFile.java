package dev.rapport.contacts.mapping.imports;

/** The file as a whole cannot be read (not a vCard, no header row, ...); the job fails with this reason. */
public class InvalidImportFile extends RuntimeException {
    public InvalidImportFile(String reason) {
        super(reason);
    }
}
