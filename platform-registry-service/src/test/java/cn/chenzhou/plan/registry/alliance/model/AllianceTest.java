package cn.chenzhou.plan.registry.alliance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.registry.TestData;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.model.Refusal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alliance is formed by founding members, and organisations join it later, each once. */
class AllianceTest {
    private static final LocalDate TODAY = LocalDate.of(2013, 6, 30);
    private static final String YONGXING = "431023";
    private final String leadCode = TestData.creditCode(YONGXING);

    private Alliance formed() {
        return Alliance.form("all-1", YONGXING, "稀贵金属综合再生与精深加工产业技术创新联盟", "稀贵金属综合再生与精深加工",
                LocalDate.of(2012, 9, 18), List.of(
                        new Alliance.FoundingMember(Organisation.of("永兴甲公司", leadCode), YONGXING),
                        new Alliance.FoundingMember(Organisation.of("某大学", null), null)), TODAY);
    }

    @Test
    void anAllianceIsFormedByItsFoundingMembersOnItsFormationDate() {
        Alliance alliance = formed();

        assertThat(alliance.foundingMemberCount()).isEqualTo(2);
        assertThat(alliance.members()).allSatisfy(m -> {
            assertThat(m.founding()).isTrue();
            assertThat(m.joinedOn()).isEqualTo(LocalDate.of(2012, 9, 18));
        });
        assertThat(alliance.registrationKey()).isEqualTo(Alliance.keyOf(YONGXING, " 稀贵金属综合再生与精深加工产业技术创新联盟 "));
        assertThat(alliance.registrationKey()).isNotEqualTo(Alliance.keyOf("431002", "稀贵金属综合再生与精深加工产业技术创新联盟"));
    }

    @Test
    void anOrganisationJoinsLaterAndIsNotAFoundingMember() {
        String code = TestData.creditCode("431002");
        Alliance joined = formed().join(Organisation.of("北湖乙公司", code), "431002", LocalDate.of(2013, 1, 10), TODAY);

        assertThat(joined.members()).hasSize(3);
        assertThat(joined.foundingMemberCount()).isEqualTo(2);
        assertThat(joined.latestMember().organisation().creditCode().value()).isEqualTo(code);
        assertThat(joined.latestMember().founding()).isFalse();
    }

    @Test
    void anOrganisationIsAMemberOnceByCreditCodeOrByName() {
        assertThatThrownBy(() -> formed().join(Organisation.of("永兴甲公司（新名称）", leadCode), YONGXING, LocalDate.of(2013, 1, 10), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("already-a-member"));
        assertThatThrownBy(() -> formed().join(Organisation.of(" 某大学 ", null), null, LocalDate.of(2013, 1, 10), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("already-a-member"));
    }

    @Test
    void aFounderNamedTwiceIsRefusedNamingTheSecondMention() {
        assertThatThrownBy(() -> Alliance.form("all-2", YONGXING, "n", "f", LocalDate.of(2012, 9, 18), List.of(
                new Alliance.FoundingMember(Organisation.of("甲", leadCode), YONGXING),
                new Alliance.FoundingMember(Organisation.of("甲公司", leadCode), YONGXING)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("members[1]"));
    }

    @Test
    void anAllianceNeedsAFounderAndMembersJoinNeitherBeforeItsFormationNorInTheFuture() {
        assertThatThrownBy(() -> Alliance.form("all-3", YONGXING, "n", "f", LocalDate.of(2012, 9, 18), List.of(), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("members"));
        assertThatThrownBy(() -> formed().join(Organisation.of("丙", null), null, LocalDate.of(2012, 9, 17), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("joinedOn"));
        assertThatThrownBy(() -> formed().join(Organisation.of("丙", null), null, TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("joinedOn"));
    }
}
