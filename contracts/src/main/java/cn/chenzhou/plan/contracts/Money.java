package cn.chenzhou.plan.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of renminbi, held exactly in fen (分, 1/100 yuan). Never floating point.
 * In APIs and events an amount travels as fen (a JSON integer) or as a decimal yuan string
 * with at most two decimals; both are parsed here so that every service means the same thing.
 *
 * <p>Two bounds, for two different things. An amount someone <em>states</em> — in a request, an event, a
 * configuration — is at most {@link #MAX_FEN}: larger input is an error, not a budget ({@link #parseYuan}). A
 * <em>figure</em> the platform works out — a total, a balance — may be larger than any one amount (many entries
 * add up), so a value of this type holds any number of fen a {@code long} can: a sum that crossed the input bound
 * must still be answered, never fail the read that asks for it. Arithmetic is exact and throws only past the
 * {@code long} range (some 92 quadrillion yuan), which the per-entry and total ceilings of the services keep out of
 * reach.
 */
public record Money(long fen) implements Comparable<Money> {

    /** ¥10,000,000,000 — the most one stated amount may be: far above any figure of a city S&T plan. */
    public static final long MAX_FEN = 1_000_000_000_000L;
    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    public static Money ofYuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100L));
    }

    /**
     * Parses a yuan amount such as {@code "1234.5"} or {@code "2000000.00"}.
     *
     * @throws IllegalArgumentException if it is not a plain decimal, has more than two decimals, or is out of range
     */
    public static Money parseYuan(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            throw new IllegalArgumentException("amount is empty");
        }
        if (!yuan.matches("-?\\d{1,13}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("amount must be yuan with at most two decimals, e.g. 1234.56");
        }
        return ofYuan(new BigDecimal(yuan));
    }

    public static Money ofYuan(BigDecimal yuan) {
        Money amount = exactly(yuan);
        if (Math.abs(amount.fen) > MAX_FEN) {
            throw new IllegalArgumentException("amount out of range");
        }
        return amount;
    }

    /**
     * Parses a figure the platform wrote (a total or a balance in an answer), which — unlike a stated amount — may
     * exceed {@link #MAX_FEN}.
     *
     * @throws IllegalArgumentException if it is not a plain decimal with at most two decimals, or not a {@code long} of fen
     */
    public static Money parseFigure(String yuan) {
        if (yuan == null || !yuan.matches("-?\\d{1,17}(\\.\\d{1,2})?")) {
            throw new IllegalArgumentException("a figure must be yuan with at most two decimals, e.g. 1234.56");
        }
        return exactly(new BigDecimal(yuan));
    }

    private static Money exactly(BigDecimal yuan) {
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must have at most two decimals");
        }
        try {
            return new Money(yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException("amount out of range");
        }
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** Yuan with two decimals, e.g. {@code "2000000.00"}. */
    public String toYuanString() {
        return yuan().toPlainString();
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean exceeds(Money other) {
        return fen > other.fen;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return "¥" + toYuanString();
    }
}
