package cn.chenzhou.plan.registry.enterprise.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.registry.TestData;
import cn.chenzhou.plan.registry.model.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A larger enterprise and its R&D institution (T7). */
class EnterpriseTest {
    private static final LocalDate TODAY = LocalDate.of(2013, 6, 30);
    private final CreditCode code = new CreditCode(TestData.creditCode("431021"));

    private Enterprise registered() {
        return Enterprise.register("431021", "桂阳某矿业有限公司", code, true, LocalDate.of(2012, 5, 1), TODAY);
    }

    @Test
    void anEnterpriseIsRegisteredOnceUnderAnIdMadeOfItsCreditCode() {
        assertThat(registered().id()).isEqualTo("ent-" + code.value()).isEqualTo(Enterprise.idOf(code));
        assertThat(registered().openRdInstitution()).isNull();
    }

    @Test
    void anEnterpriseIsReclassifiedFromADateThatFollowsItsCurrentClassification() {
        Enterprise smaller = registered().reclassify(false, LocalDate.of(2013, 1, 1), TODAY);

        assertThat(smaller.larger()).isFalse();
        assertThat(smaller.classifiedOn()).isEqualTo(LocalDate.of(2013, 1, 1));
        assertThatThrownBy(() -> smaller.reclassify(false, LocalDate.of(2013, 2, 1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("no-change"));
        assertThatThrownBy(() -> smaller.reclassify(true, LocalDate.of(2012, 12, 31), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("effectiveOn"));
    }

    @Test
    void givenALargerEnterpriseWhenItEstablishesAnRdInstitutionThenItCountsUntilTheInstitutionCloses() {
        Enterprise established = registered().establishRdInstitution("桂阳某矿业技术中心", RdInstitutionKind.RD_CENTRE,
                LocalDate.of(2012, 8, 1), TODAY);
        assertThat(established.openRdInstitution().name()).isEqualTo("桂阳某矿业技术中心");

        Enterprise closed = established.closeRdInstitution("机构撤并", LocalDate.of(2013, 3, 1), TODAY);
        assertThat(closed.openRdInstitution()).isNull();
        assertThat(closed.rdInstitutions()).singleElement().satisfies(i -> {
            assertThat(i.closedOn()).isEqualTo(LocalDate.of(2013, 3, 1));
            assertThat(i.closureReason()).isEqualTo("机构撤并");
        });
    }

    @Test
    void oneInstitutionIsOpenAtATimeAndANewOneFollowsTheClosureOfTheLast() {
        Enterprise established = registered().establishRdInstitution("中心", RdInstitutionKind.RD_CENTRE,
                LocalDate.of(2012, 8, 1), TODAY);
        assertThatThrownBy(() -> established.establishRdInstitution("第二中心", RdInstitutionKind.ACHIEVEMENT_APPLICATION_SERVICE,
                LocalDate.of(2012, 9, 1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("rd-institution-open"));

        Enterprise closed = established.closeRdInstitution("撤并", LocalDate.of(2013, 3, 1), TODAY);
        assertThatThrownBy(() -> closed.establishRdInstitution("新中心", RdInstitutionKind.RD_CENTRE, LocalDate.of(2013, 2, 1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("establishedOn"));
        assertThat(closed.establishRdInstitution("新中心", RdInstitutionKind.RD_CENTRE, LocalDate.of(2013, 3, 1), TODAY)
                .rdInstitutions()).hasSize(2);
    }

    @Test
    void closingWithoutAnOpenInstitutionOrBeforeItWasEstablishedIsRefused() {
        assertThatThrownBy(() -> registered().closeRdInstitution("r", LocalDate.of(2013, 3, 1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("no-open-rd-institution"));
        Enterprise established = registered().establishRdInstitution("中心", RdInstitutionKind.RD_CENTRE,
                LocalDate.of(2012, 8, 1), TODAY);
        assertThatThrownBy(() -> established.closeRdInstitution("r", LocalDate.of(2012, 7, 31), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("closedOn"));
        assertThatThrownBy(() -> registered().establishRdInstitution("中心", RdInstitutionKind.RD_CENTRE, LocalDate.of(2012, 4, 30), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("establishedOn"));
    }
}
