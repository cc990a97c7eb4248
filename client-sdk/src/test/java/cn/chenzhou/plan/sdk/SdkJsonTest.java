package cn.chenzhou.plan.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.funding.SpecialFund;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.SubmitProject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SdkJsonTest {

    @Test
    void amountsTravelAsYuanStringsAndDatesAsIsoAndAbsentFieldsAreLeftOut() {
        String body = SdkJson.mapper().writeValueAsString(new SpecialFund.Allocate(SpecialFund.Purpose.OUTSTANDING_TALENT,
                SpecialFund.Beneficiary.person("张立新"), "431023", null, Money.ofFen(5_000_050), "郴科计〔2012〕30号",
                LocalDate.of(2012, 6, 28)));
        assertThat(body).contains("\"amount\":\"50000.50\"").contains("\"allocatedOn\":\"2012-06-28\"")
                .doesNotContain("projectId").doesNotContain("creditCode");
        assertThat(SdkJson.mapper().writeValueAsString(new SubmitProject(3, LocalDate.of(2012, 3, 1))))
                .isEqualTo("{\"version\":3,\"submittedOn\":\"2012-03-01\"}");
    }

    @Test
    void answersFromANewerPlatformAreReadWithoutTheFieldsAndValuesThisSdkDoesNotKnow() {
        SpecialFund.Allocation a = SdkJson.mapper().readValue("""
                {"id":"alloc-1","year":2013,"line":2,"status":"ALLOCATED","purpose":"A_PURPOSE_OF_2020",
                 "amount":150000,"disbursed":"0.00","newField":{"x":1}}""", SpecialFund.Allocation.class);
        assertThat(a.amount()).isEqualTo(Money.ofYuan(150000));
        assertThat(a.purpose()).isNull();
        assertThat(a.disbursements()).isNull();
    }

    @Test
    void aTotalLargerThanAnyOneAmountIsStillRead() {
        SpecialFund fund = SdkJson.mapper().readValue("""
                {"year":2013,"budget":"100000000.00","allocated":"30000000000.00","committed":30000000000.01,
                 "allocations":2,"ledgerLines":3}""",
                SpecialFund.class);
        assertThat(fund.allocated()).isEqualTo(Money.ofYuan(30_000_000_000L));
        assertThat(fund.committed()).isEqualTo(Money.ofFen(3_000_000_000_001L));
    }

    @Test
    void aDatasetIsReadStrictly() {
        assertThatThrownBy(() -> SdkJson.strictMapper().readValue("{\"year\":2012,\"budgett\":\"1.00\"}",
                cn.chenzhou.plan.sdk.demo.DemoDataset.Year.class)).hasMessageContaining("budgett");
    }
}
