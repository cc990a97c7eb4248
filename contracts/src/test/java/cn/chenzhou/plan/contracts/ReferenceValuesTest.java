package cn.chenzhou.plan.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceValuesTest {

    @Test
    void theElevenCountiesAreKnownByTheirGbCodes() {
        assertThat(County.codes()).hasSize(11).contains("431002", "431081").doesNotContain(County.CITY_CODE);
        assertThat(County.ofCode("431023").chineseName()).isEqualTo("永兴县");
        assertThat(County.isCountyCode("431099")).isFalse();
        assertThat(County.isCountyCode(null)).isFalse();
    }

    @Test
    void moneyIsExactInFenAndParsesYuanWithAtMostTwoDecimals() {
        assertThat(Money.parseYuan("2000000").fen()).isEqualTo(200_000_000L);
        assertThat(Money.parseYuan("0.1").plus(Money.parseYuan("0.2"))).isEqualTo(Money.parseYuan("0.30"));
        assertThat(Money.ofFen(150_000_000_00L).toYuanString()).isEqualTo("150000000.00");
        assertThatThrownBy(() -> Money.parseYuan("1.005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parseYuan("1e5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parseYuan("99999999999999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parseYuan("10000000000.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofYuan(new java.math.BigDecimal("-10000000000.01"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSumMayExceedWhatOneAmountMayStateAndIsStillExact() {
        Money most = Money.parseYuan("9999999999.99");
        Money twice = most.plus(most);
        assertThat(twice.toYuanString()).isEqualTo("19999999999.98");
        assertThat(twice.minus(most)).isEqualTo(most);
        assertThat(Money.parseFigure("19999999999.98")).isEqualTo(twice);
        assertThatThrownBy(() -> Money.parseYuan("19999999999.98")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parseFigure("1.005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parseFigure("99999999999999999.99")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91431000MA4L0XXXX0", "91430100", "91431000mA4L5EAY5H", "9143100OMA4L5EAY5H"})
    void malformedCreditCodesAreRefused(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    /** Each has the right check character, yet no such organisation can exist under GB 32100. */
    @ParameterizedTest
    @ValueSource(strings = {"000000000000000000", "91000000MA4L5EAY5", "01431023MA4L5EAY5",
            "90431023MA4L5EAY5", "B1431023MA4L5EAY5", "9A431023MA4L5EAY5", "91991023MA4L5EAY5", "91101023MA4L5EAY5"})
    void impossibleCreditCodesAreRefusedThoughTheirCheckCharacterIsRight(String start) {
        String code = start.length() == 18 ? start : start + CreditCode.checkCharacter(start.substring(0, 17));
        assertThat(code).hasSize(18);
        assertThat(code.charAt(17)).isEqualTo(CreditCode.checkCharacter(code.substring(0, 17)));
        assertThat(CreditCode.problem(code)).isNotNull().doesNotStartWith("check character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91431023MA4L5EAY5", "93431022MA4L5EAY5", "12431000DEM000001", "51431000MA4L5EAY5",
            "Y1431000MA4L5EAY5", "N2431081MA4L5EAY5", "11100000000013127", "91110000MA4L5EAY5", "91820000MA4L5EAY5"})
    void codesOfEveryKindOfRegistrationAreAccepted(String first17) {
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.problem(code)).isNull();
    }

    @Test
    void aRefusalSaysWhichPartIsImpossible() {
        assertThat(CreditCode.problem("000000000000000000")).contains("registration authority");
        String noType = "90431023MA4L5EAY5";
        assertThat(CreditCode.problem(noType + CreditCode.checkCharacter(noType))).contains("organisation type");
        String noProvince = "91991023MA4L5EAY5";
        assertThat(CreditCode.problem(noProvince + CreditCode.checkCharacter(noProvince))).contains("division");
    }

    @Test
    void aCreditCodeCarriesItsOwnCheckCharacter() {
        String first17 = "91431081MA4L5EAY5";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.isValid(code)).isTrue();
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        assertThat(CreditCode.problem(first17 + wrong)).startsWith("check character");
    }
}
