package dev.rapport.kit.http;

import dev.rapport.kit.problem.Problems;

import java.util.Optional;

/**
 * The version an {@code If-Match} header names (entity versions are the services' strong ETags): empty for
 * {@code *} or, where the service allows it, no header; 428 when one is required and missing; 412 for a tag that
 * is not a version, which can never match.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static Optional<Long> version(String header, boolean required, String what) {
        if (header == null) {
            if (required) {
                throw Problems.preconditionRequired("Send If-Match with the ETag you read, so a newer change is never overwritten");
            }
            return Optional.empty();
        }
        String tag = header.strip();
        if (tag.equals("*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(tag.replace("\"", "")));
        } catch (NumberFormatException e) {
            throw Problems.stale("If-Match " + tag + " is not an ETag of this " + what);
        }
    }
}
