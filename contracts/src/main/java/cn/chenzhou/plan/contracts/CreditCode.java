package cn.chenzhou.plan.contracts;

import java.util.Set;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the set
 * {@code 0-9 A-H J-N P-R T-U W-Y}: the registration authority (登记管理部门码), the organisation type (机构类别码),
 * the GB/T 2260 division of registration (characters 3–8), the organisation code (9–17) and a check character
 * computed from the first 17 (weighted sum modulo 31).
 *
 * <p>A right check character alone does not make a code possible ({@code 000000000000000000} has one): the
 * authority must be one the standard assigns, the type a digit 1–9, and the division a province's (or the
 * State's {@code 100000}).
 */
public record CreditCode(String value) {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /**
     * 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (market regulation),
     * A 中央军委改革和编制办公室, N 农业, Y 其他.
     */
    private static final String AUTHORITIES = "123456789ANY";
    /** The first two digits of the GB/T 2260 provinces, autonomous regions, municipalities and SARs. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");
    /** Registered at the national level (GB/T 2260: 中华人民共和国). */
    private static final String STATE = "100000";

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
        if (AUTHORITIES.indexOf(value.charAt(0)) < 0) {
            return "character 1 ('" + value.charAt(0) + "') is not a registration authority (one of " + AUTHORITIES + ")";
        }
        if (value.charAt(1) < '1' || value.charAt(1) > '9') {
            return "character 2 ('" + value.charAt(1) + "') is not an organisation type (a digit 1-9)";
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return "characters 3-8 must be the digits of an administrative division";
            }
        }
        String division = value.substring(2, 8);
        if (!PROVINCES.contains(division.substring(0, 2)) && !division.equals(STATE)) {
            return "characters 3-8 (" + division + ") are not an administrative division: no province starts with "
                    + division.substring(0, 2);
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

    /**
     * The GB/T 2260 division where the organisation was registered (characters 3–8), e.g. {@code 431023} for one
     * registered in 永兴县; {@code 431000} for one registered by the city, {@code 430000} by the province.
     */
    public String division() {
        return value.substring(2, 8);
    }

    /** The Chenzhou county the organisation was registered in, if its code was issued by one of the eleven. */
    public java.util.Optional<County> county() {
        return County.byCode(division());
    }

    @Override
    public String toString() {
        return value;
    }
}
