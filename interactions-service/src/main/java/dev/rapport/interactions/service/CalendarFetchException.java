package dev.rapport.interactions.service;

/**
 * A subscription URL could not be fetched. The message is safe for users and logs: it names the kind of failure and
 * at most the URL's scheme and host, never the path or query (they carry the calendar's secret token).
 */
public class CalendarFetchException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        BAD_URL,
        REFUSED_ADDRESS,
        UNREACHABLE,
        TIMEOUT,
        TOO_LARGE,
        TOO_MANY_REDIRECTS,
        HTTP_STATUS
    }

    private final Kind kind;
    private final int status;

    CalendarFetchException(Kind kind, String message) {
        this(kind, 0, message);
    }

    CalendarFetchException(Kind kind, int status, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, 0 otherwise. */
    public int status() {
        return status;
    }
}
