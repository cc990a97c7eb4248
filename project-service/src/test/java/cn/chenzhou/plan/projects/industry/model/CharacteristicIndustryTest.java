package cn.chenzhou.plan.projects.industry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chenzhou.plan.projects.lifecycle.model.IllegalTransitionException;
import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharacteristicIndustryTest {
    private static Step on(String date) {
        return new Step("plan-office", Instant.parse("2015-01-01T00:00:00Z"), LocalDate.parse(date));
    }

    private static CharacteristicIndustry registered() {
        return CharacteristicIndustry.register("ind-1", "431023", "稀贵金属再生利用", null, on("2013-01-10"));
    }

    @Test
    void anIndustryWithoutDriversCannotBeRecognised() {
        assertThatThrownBy(() -> registered().recognise("郴科发〔2013〕8号", on("2013-03-01")))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("cannot recognise a characteristic industry that is REGISTERED: "
                            + "it has no driving project or achievement yet");
                    assertThat(e.attemptedTransition()).isEqualTo("recognise");
                });
    }

    @Test
    void anIndustryDrivenByAProjectIsRecognisedRevokedAndRecognisedAgain() {
        CharacteristicIndustry driven = registered().changeDrivers(List.of("prj-1", "prj-1"), List.of("ach-1"), on("2013-02-01"));
        assertThat(driven.projectIds()).as("duplicates collapse").containsExactly("prj-1");

        CharacteristicIndustry recognised = driven.recognise("郴科发〔2013〕8号", on("2013-03-01"));
        assertThat(recognised.status()).isEqualTo(IndustryStatus.RECOGNISED);
        assertThat(recognised.recognition().recognisedOn()).isEqualTo(LocalDate.parse("2013-03-01"));

        CharacteristicIndustry revoked = recognised.revokeRecognition("产业萎缩", on("2014-01-01"));
        assertThat(revoked.status()).isEqualTo(IndustryStatus.RECOGNITION_REVOKED);
        assertThat(revoked.allowedTransitions()).containsExactly("change-drivers", "recognise");

        CharacteristicIndustry again = revoked.recognise("郴科发〔2014〕20号", on("2014-06-01"));
        assertThat(again.status()).isEqualTo(IndustryStatus.RECOGNISED);
        assertThat(again.revocation()).isNull();
        assertThat(again.history()).extracting("action")
                .containsExactly("register", "change-drivers", "recognise", "revoke-recognition", "recognise");
    }

    @Test
    void onlyARecognisedIndustryHasItsRecognitionRevoked() {
        assertThatThrownBy(() -> registered().revokeRecognition("x", on("2013-03-01")))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("cannot revoke the recognition of a characteristic industry that is REGISTERED");
    }

    @Test
    void aRecognisedIndustryKeepsAtLeastOneDriver() {
        CharacteristicIndustry recognised = registered().changeDrivers(List.of("prj-1"), List.of(), on("2013-02-01"))
                .recognise("郴科发〔2013〕8号", on("2013-03-01"));
        assertThatThrownBy(() -> recognised.changeDrivers(List.of(), List.of(), on("2013-04-01")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("projectIds"));
    }

    @Test
    void aRecognitionCannotPrecedeThePreviousStep() {
        CharacteristicIndustry driven = registered().changeDrivers(List.of("prj-1"), List.of(), on("2013-02-01"));
        assertThatThrownBy(() -> driven.recognise("d", on("2013-01-31")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("recognisedOn"));
    }
}
