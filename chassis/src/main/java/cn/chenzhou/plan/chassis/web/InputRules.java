package cn.chenzhou.plan.chassis.web;

import java.time.LocalDate;
import java.util.Set;

/**
 * The one rule every text and every date a client sends must obey, in every service, whatever the field: what is
 * stored ends up in ledgers, spreadsheets, terminals, logs and other services' events, so nothing may arrive that
 * changes how those show it, nor a date no plan could have.
 *
 * <p>Text: well-formed UTF-16 (no lone surrogate, which one reader turns into U+FFFD and another refuses); no control
 * character (NUL, ESC and its terminal sequences, DEL, C1), no format character (bidirectional overrides and
 * isolates, zero-width characters, the BOM), no line or paragraph separator and no noncharacter; a line break or a
 * tab only in a {@link MultiLine} field; and at least one visible character — not only white space, combining marks
 * or fillers such as U+3164 or U+2800.
 *
 * <p>Dates: from {@link #EARLIEST} to {@link #LATEST}, which holds every date a plan of this bureau can name (its
 * first plan runs 2012–2014) and keeps out what a typing slip or a probe sends ({@code 0000-01-01},
 * {@code -999999999-01-01}, {@code +10000-01-01}) — dates other readers of the events cannot even parse.
 */
public final class InputRules {
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    /** Letters and symbols that show nothing: Hangul fillers and the blank Braille pattern. */
    private static final Set<Integer> FILLERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private InputRules() {
    }

    /** Why this text breaks the rule, or null if it does not. */
    public static String textProblem(String text, boolean multiLine) {
        boolean visible = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                return "contains a lone surrogate (" + hex(c) + "): text must be well-formed Unicode";
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\t' || cp == '\r') {
                if (!multiLine) {
                    return "must be a single line: no line breaks or tabs";
                }
                if (cp == '\r' && (i >= text.length() || text.charAt(i) != '\n')) {
                    return "contains a carriage return that does not end a line (only CR LF or LF end a line)";
                }
                continue;
            }
            if (forbidden(cp)) {
                return "contains the control or format character " + hex(cp)
                        + " (no control characters, bidirectional or zero-width marks, or separators)";
            }
            visible |= !invisible(cp);
        }
        return visible ? null : "must not be blank (white space and invisible characters only); leave the field out instead";
    }

    /** Why this date is not one a request may carry, or null if it is. */
    public static String dateProblem(LocalDate date) {
        return date.isBefore(EARLIEST) || date.isAfter(LATEST)
                ? "must be a date from " + EARLIEST + " to " + LATEST : null;
    }

    private static boolean forbidden(int cp) {
        int type = Character.getType(cp);
        boolean noncharacter = (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || noncharacter;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || FILLERS.contains(cp);
    }

    private static String hex(int cp) {
        return String.format("U+%04X", cp);
    }
}
