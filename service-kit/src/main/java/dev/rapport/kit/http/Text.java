package dev.rapport.kit.http;

/** What text from a client may hold to be stored and sent on: no NUL, no unpaired UTF-16 surrogate. */
public final class Text {

    public static final String UNSTORABLE = "must not contain the NUL character (\\u0000) or an unpaired surrogate";

    private Text() {
    }

    public static boolean isStorable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
