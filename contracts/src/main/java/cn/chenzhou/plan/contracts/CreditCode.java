package cn.chenzhou.plan.contracts;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the set
 * {@code 0-9 A-H J-N P-R T-U W-Y}, where characters 3–8 are the GB/T 2260 division of registration and the
 * 18th is a check character computed from the first 17 (weighted sum modulo 31).
 */
public record CreditCode(String value) {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why this is not a valid code, or null if it is. */
    public static String problem(String value) {
        if (value == null || value.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "character " + (i + 1) + " ('" + value.charAt(i) + "') is not allowed in a unified social credit code";
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return "characters 3-8 must be the digits of an administrative division";
            }
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            return "check character does not match (expected " + checkCharacter(value.substring(0, 17)) + ")";
        }
        return null;
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    @Override
    public String toString() {
        return value;
    }
}
