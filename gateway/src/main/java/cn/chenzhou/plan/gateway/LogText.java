package cn.chenzhou.plan.gateway;

/**
 * Text put into a log line, made unable to forge another: control characters (line breaks above all), Unicode line
 * separators and bidirectional overrides are written as {@code \\uXXXX}, and the text is cut at
 * {@value #MAX_LENGTH} characters.
 */
final class LogText {
    static final int MAX_LENGTH = 300;

    private LogText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < text.length()) {
            out.append("…");
        }
        return out.toString();
    }
}
