package cn.chenzhou.plan.reporting.scorecard.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures read: money as ¥ with two decimals and thousands separators, shares as percent with two decimals. */
public final class Figures {
    private Figures() {
    }

    public static String yuan(long fen) {
        return yuan(BigDecimal.valueOf(fen, 2));
    }

    public static String yuan(BigDecimal yuan) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return "¥" + f.format(yuan.setScale(2, RoundingMode.HALF_UP));
    }

    public static String percent(BigDecimal percent) {
        return percent.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    public static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
