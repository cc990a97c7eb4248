package cn.chenzhou.plan.funding.command;

/**
 * Patterns for the references of commands. Free text follows the chassis's rule for every service (one line, no
 * control or format characters, not blank), which keeps ledgers and spreadsheets safe.
 */
public final class Text {
    /** A reference to another service's resource, e.g. a project id {@code prj-…}. */
    public static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9._-]{0,79}";
    public static final String REFERENCE_MESSAGE = "must be an id of letters, digits, '.', '_' or '-'";
    /** A programme code, as project-service spells programmes. */
    public static final String PROGRAMME = "[A-Z][A-Z0-9_]{1,39}";
    public static final String PROGRAMME_MESSAGE = "must be a programme code such as SPARK";

    private Text() {
    }

    /** Trims surrounding white space; null stays null, blank becomes null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
