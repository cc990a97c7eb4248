package cn.chenzhou.plan.projects.industry.model;

import cn.chenzhou.plan.projects.lifecycle.model.HistoryEntry;
import cn.chenzhou.plan.projects.lifecycle.model.IllegalTransitionException;
import cn.chenzhou.plan.projects.lifecycle.model.RuleViolationException;
import cn.chenzhou.plan.projects.lifecycle.model.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A characteristic industry (特色产业) a county cultivates through S&T — the plan wants two or three (T13) — with the
 * projects and achievement transformations that drive it. It counts once the plan office recognises it, and only
 * an industry with at least one driver can be recognised.
 */
public record CharacteristicIndustry(
        String id,
        String county,
        String name,
        String description,
        List<String> projectIds,
        List<String> achievementIds,
        LocalDate registeredOn,
        IndustryStatus status,
        Recognition recognition,
        Revocation revocation,
        List<HistoryEntry> history) {

    private static final String SUBJECT = "a characteristic industry";

    public CharacteristicIndustry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(status, "status");
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
        achievementIds = achievementIds == null ? List.of() : List.copyOf(achievementIds);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static CharacteristicIndustry register(String id, String county, String name, String description, Step step) {
        return new CharacteristicIndustry(id, county, name, description, List.of(), List.of(), step.effectiveOn(),
                IndustryStatus.REGISTERED, null, null,
                List.of(HistoryEntry.of(IndustryTransition.REGISTER.code(), null, IndustryStatus.REGISTERED, step, null)));
    }

    /** Replaces the set of driving projects and achievements (duplicates collapse); a recognised industry keeps one. */
    public CharacteristicIndustry changeDrivers(List<String> projects, List<String> achievements, Step step) {
        guard(IndustryTransition.CHANGE_DRIVERS, step, "changedOn", null);
        List<String> p = List.copyOf(new LinkedHashSet<>(projects));
        List<String> a = List.copyOf(new LinkedHashSet<>(achievements));
        if (status == IndustryStatus.RECOGNISED && p.isEmpty() && a.isEmpty()) {
            throw new RuleViolationException("projectIds",
                    "a recognised industry must keep at least one driving project or achievement");
        }
        return next(IndustryTransition.CHANGE_DRIVERS, step, null, p, a, recognition, revocation);
    }

    /** The plan office recognises the industry as cultivated through S&T (认定). */
    public CharacteristicIndustry recognise(String documentNo, Step step) {
        String why = hasDrivers() ? null : "it has no driving project or achievement yet";
        guard(IndustryTransition.RECOGNISE, step, "recognisedOn", why);
        return next(IndustryTransition.RECOGNISE, step, documentNo, projectIds, achievementIds,
                new Recognition(documentNo, step.effectiveOn()), null);
    }

    /** The plan office revokes the recognition; the industry stops counting from the revocation date. */
    public CharacteristicIndustry revokeRecognition(String reason, Step step) {
        guard(IndustryTransition.REVOKE_RECOGNITION, step, "revokedOn", null);
        return next(IndustryTransition.REVOKE_RECOGNITION, step, reason, projectIds, achievementIds, recognition,
                new Revocation(reason, step.effectiveOn()));
    }

    public boolean hasDrivers() {
        return !projectIds.isEmpty() || !achievementIds.isEmpty();
    }

    public List<String> allowedTransitions() {
        return IndustryTransition.allowedFrom(status);
    }

    public HistoryEntry lastStep() {
        return history.get(history.size() - 1);
    }

    private void guard(IndustryTransition transition, Step step, String dateField, String unmet) {
        if (!transition.isAllowedFrom(status) || unmet != null) {
            throw new IllegalTransitionException(SUBJECT, transition.verb(), transition.code(), status,
                    allowedTransitions(), unmet);
        }
        LocalDate previous = lastStep().effectiveOn();
        if (step.effectiveOn().isBefore(previous)) {
            throw new RuleViolationException(dateField, "must not be before " + previous
                    + ", the date of the industry's previous step (" + lastStep().action() + ")");
        }
    }

    private CharacteristicIndustry next(IndustryTransition transition, Step step, String note, List<String> projects,
                                        List<String> achievements, Recognition recognised, Revocation revoked) {
        IndustryStatus target = transition.targetFrom(status);
        List<HistoryEntry> entries = new ArrayList<>(history);
        entries.add(HistoryEntry.of(transition.code(), status, target, step, note));
        return new CharacteristicIndustry(id, county, name, description, projects, achievements, registeredOn, target,
                recognised, revoked, entries);
    }
}
