package cn.chenzhou.plan.registry;

import cn.chenzhou.plan.contracts.CreditCode;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid test data, so that tests sharing a database never collide by accident. */
public final class TestData {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestData() {
    }

    /** A valid unified social credit code of an enterprise registered in {@code county}, never seen before. */
    public static String creditCode(String county) {
        StringBuilder first17 = new StringBuilder("91").append(county);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            first17.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return first17.toString() + CreditCode.checkCharacter(first17.toString());
    }

    /** The same code with a wrong check character. */
    public static String withWrongCheckCharacter(String code) {
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        return code.substring(0, 17) + wrong;
    }
}
