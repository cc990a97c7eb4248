package cn.chenzhou.plan.projects.programme.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A programme (专项 / 计划) under which projects are applied for, e.g. 星火计划 (Spark Programme). Reference data:
 * the plan office adds programmes as new calls appear, without a release.
 *
 * @param code        stable identifier projects and events refer to, e.g. {@code SPARK}
 * @param chineseName its official Chinese name
 * @param englishName the English name used in the platform's English texts
 * @param level       the level of government that runs it
 */
public record Programme(String code, String chineseName, String englishName, Level level) {
    /** Upper-case letters, digits and underscores, starting with a letter. */
    /** A programme code, for {@code @Pattern} on request fields and parameters. */
    public static final String CODE_REGEX = "[A-Z][A-Z0-9_]{1,39}";
    public static final Pattern CODE = Pattern.compile(CODE_REGEX);

    public Programme {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(chineseName, "chineseName");
        Objects.requireNonNull(englishName, "englishName");
        Objects.requireNonNull(level, "level");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("programme code " + code + " is not of the form " + CODE);
        }
    }
}
