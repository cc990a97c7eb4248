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
        assertThatThrownBy(() -> Money.ofFen(Money.MAX_FEN).plus(Money.ofFen(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91431000MA4L0XXXX0", "91430100", "91431000mA4L5EAY5H", "9143100OMA4L5EAY5H"})
    void malformedCreditCodesAreRefused(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
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
