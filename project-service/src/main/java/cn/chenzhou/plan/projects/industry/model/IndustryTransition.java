package cn.chenzhou.plan.projects.industry.model;

import static cn.chenzhou.plan.projects.industry.model.IndustryStatus.RECOGNISED;
import static cn.chenzhou.plan.projects.industry.model.IndustryStatus.RECOGNITION_REVOKED;
import static cn.chenzhou.plan.projects.industry.model.IndustryStatus.REGISTERED;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The steps of a characteristic industry's life and the statuses each is allowed from. */
public enum IndustryTransition {
    REGISTER("register", "register", REGISTERED),
    CHANGE_DRIVERS("change-drivers", "change the drivers of", null, REGISTERED, RECOGNISED, RECOGNITION_REVOKED),
    RECOGNISE("recognise", "recognise", RECOGNISED, REGISTERED, RECOGNITION_REVOKED),
    REVOKE_RECOGNITION("revoke-recognition", "revoke the recognition of", RECOGNITION_REVOKED, RECOGNISED);

    private final String code;
    private final String verb;
    private final IndustryStatus target;
    private final Set<IndustryStatus> from;

    IndustryTransition(String code, String verb, IndustryStatus target, IndustryStatus... from) {
        this.code = code;
        this.verb = verb;
        this.target = target;
        this.from = from.length == 0 ? EnumSet.noneOf(IndustryStatus.class) : EnumSet.copyOf(Arrays.asList(from));
    }

    public String code() {
        return code;
    }

    public String verb() {
        return verb;
    }

    public boolean isAllowedFrom(IndustryStatus status) {
        return from.contains(status);
    }

    public IndustryStatus targetFrom(IndustryStatus current) {
        return target == null ? current : target;
    }

    public static List<String> allowedFrom(IndustryStatus status) {
        return Arrays.stream(values()).filter(t -> t.isAllowedFrom(status)).map(IndustryTransition::code).toList();
    }

    public static Optional<IndustryTransition> byCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
