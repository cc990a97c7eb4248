package cn.chenzhou.plan.registry.platform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.registry.TestData;
import cn.chenzhou.plan.registry.model.Level;
import cn.chenzhou.plan.registry.model.Organisation;
import cn.chenzhou.plan.registry.model.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A platform's life: registered by its county, accredited (perhaps again at another level), revoked. */
class PlatformLifeTest {
    private static final LocalDate TODAY = LocalDate.of(2013, 6, 30);
    private static final String YONGXING = "431023";
    private final Organisation host = Organisation.of("永兴县稀贵金属再生利用有限公司", TestData.creditCode(YONGXING));

    private Platform registered() {
        return Platform.register("plt-1", YONGXING, "湖南省稀贵金属再生利用工程技术研究中心", "ENGINEERING_RESEARCH_CENTRE",
                Level.PROVINCIAL, host, LocalDate.of(2012, 6, 15), TODAY);
    }

    private static Accreditation accreditation(Level level, LocalDate on) {
        return new Accreditation(level, "湖南省科学技术厅", "湘科计字〔2013〕12号", on);
    }

    @Test
    void aRegisteredPlatformDoesNotCountUntilAccreditedAndIsKeyedByHostTypeAndLevel() {
        Platform platform = registered();

        assertThat(platform.status()).isEqualTo(PlatformStatus.REGISTERED);
        assertThat(platform.currentAccreditation()).isNull();
        assertThat(platform.statusSince()).isEqualTo(LocalDate.of(2012, 6, 15));
        assertThat(platform.registrationKey())
                .isEqualTo(Platform.keyOf(host, "ENGINEERING_RESEARCH_CENTRE", Level.PROVINCIAL))
                .contains(host.creditCode().value());
    }

    @Test
    void givenARegistrationWhenThePlanOfficeAccreditsItThenItCountsAtThatLevelFromTheAccreditationDate() {
        Platform accredited = registered().accredit(accreditation(Level.PROVINCIAL, LocalDate.of(2013, 3, 1)), TODAY);

        assertThat(accredited.status()).isEqualTo(PlatformStatus.ACCREDITED);
        assertThat(accredited.level()).isEqualTo(Level.PROVINCIAL);
        assertThat(accredited.currentAccreditation().accreditedOn()).isEqualTo(LocalDate.of(2013, 3, 1));
        assertThat(accredited.statusSince()).isEqualTo(LocalDate.of(2013, 3, 1));
    }

    @Test
    void aLaterAccreditationAtAnotherLevelSupersedesTheEarlierAndMovesTheKey() {
        Platform municipal = registered().accredit(accreditation(Level.MUNICIPAL, LocalDate.of(2012, 9, 1)), TODAY);
        Platform national = municipal.accredit(accreditation(Level.NATIONAL, LocalDate.of(2013, 5, 1)), TODAY);

        assertThat(national.level()).isEqualTo(Level.NATIONAL);
        assertThat(national.accreditations()).extracting(Accreditation::level).containsExactly(Level.MUNICIPAL, Level.NATIONAL);
        assertThat(national.currentAccreditation().accreditedOn()).isEqualTo(LocalDate.of(2013, 5, 1));
        assertThat(national.registrationKey()).isEqualTo(Platform.keyOf(host, "ENGINEERING_RESEARCH_CENTRE", Level.NATIONAL));
    }

    @Test
    void accreditingAgainAtTheSameLevelIsAConflict() {
        Platform accredited = registered().accredit(accreditation(Level.PROVINCIAL, LocalDate.of(2013, 3, 1)), TODAY);

        assertThatThrownBy(() -> accredited.accredit(accreditation(Level.PROVINCIAL, LocalDate.of(2013, 4, 1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(r.code()).isEqualTo("already-accredited");
                });
    }

    @Test
    void aSupersedingAccreditationMustBeLaterThanTheOneItSupersedes() {
        Platform accredited = registered().accredit(accreditation(Level.MUNICIPAL, LocalDate.of(2013, 3, 1)), TODAY);

        assertThatThrownBy(() -> accredited.accredit(accreditation(Level.PROVINCIAL, LocalDate.of(2013, 3, 1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("accreditedOn"));
    }

    @Test
    void anAccreditationBeforeTheRegistrationIsRefusedNamingTheField() {
        assertThatThrownBy(() -> registered().accredit(accreditation(Level.PROVINCIAL, LocalDate.of(2012, 6, 14)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID_FIELD);
                    assertThat(r.field()).isEqualTo("accreditedOn");
                });
    }

    @Test
    void datesAreAllowedUpToTodayButNeverInTheFuture() {
        Platform registeredToday = Platform.register("plt-2", YONGXING, "n", "KEY_LABORATORY", Level.MUNICIPAL, host, TODAY, TODAY);
        assertThat(registeredToday.registeredOn()).isEqualTo(TODAY);

        assertThatThrownBy(() -> Platform.register("plt-3", YONGXING, "n", "KEY_LABORATORY", Level.MUNICIPAL, host,
                TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("registeredOn"));
        assertThatThrownBy(() -> registered().accredit(accreditation(Level.PROVINCIAL, TODAY.plusDays(1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("accreditedOn"));
        assertThatThrownBy(() -> registered().revoke(new Revocation("r", TODAY.plusDays(1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("revokedOn"));
    }

    @Test
    void anImplausiblyEarlyDateIsTakenForATypingError() {
        assertThatThrownBy(() -> Platform.register("plt-4", YONGXING, "n", "KEY_LABORATORY", Level.MUNICIPAL, host,
                LocalDate.of(201, 6, 15), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("registeredOn"));
    }

    @Test
    void givenAnAccreditedPlatformWhenRevokedThenItStopsCountingAndGivesUpItsKey() {
        Platform accredited = registered().accredit(accreditation(Level.PROVINCIAL, LocalDate.of(2013, 3, 1)), TODAY);
        Platform revoked = accredited.revoke(new Revocation("考核不合格", LocalDate.of(2013, 6, 1)), TODAY);

        assertThat(revoked.status()).isEqualTo(PlatformStatus.REVOKED);
        assertThat(revoked.currentAccreditation()).isNull();
        assertThat(revoked.revocation().revokedOn()).isEqualTo(LocalDate.of(2013, 6, 1));
        assertThat(revoked.registrationKey()).isNotEqualTo(accredited.registrationKey()).contains("plt-1");
        assertThat(revoked.accreditations()).hasSize(1);
    }

    @Test
    void aRevocationBeforeTheAccreditationIsRefused() {
        Platform accredited = registered().accredit(accreditation(Level.PROVINCIAL, LocalDate.of(2013, 3, 1)), TODAY);

        assertThatThrownBy(() -> accredited.revoke(new Revocation("r", LocalDate.of(2013, 2, 28)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("revokedOn"));
    }

    @Test
    void aRevokedPlatformIsNeitherAccreditedNorRevokedAgain() {
        Platform revoked = registered().revoke(new Revocation("申报材料不实", LocalDate.of(2012, 8, 1)), TODAY);

        assertThat(revoked.status()).isEqualTo(PlatformStatus.REVOKED);
        assertThatThrownBy(() -> revoked.accredit(accreditation(Level.PROVINCIAL, LocalDate.of(2013, 1, 1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("platform-revoked"));
        assertThatThrownBy(() -> revoked.revoke(new Revocation("again", LocalDate.of(2013, 1, 1)), TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("platform-revoked"));
    }

    @Test
    void aHostWithoutACreditCodeCannotRegisterAPlatform() {
        assertThatThrownBy(() -> Platform.register("plt-5", YONGXING, "n", "KEY_LABORATORY", Level.MUNICIPAL,
                Organisation.of("某单位", null), TODAY, TODAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("host.creditCode"));
    }
}
