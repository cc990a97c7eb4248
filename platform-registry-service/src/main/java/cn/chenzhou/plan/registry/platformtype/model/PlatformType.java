package cn.chenzhou.plan.registry.platformtype.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A type of technology innovation platform (工程技术研究中心, 重点实验室, 孵化器, …): reference data the plan office
 * extends without a release. Platforms name their type by {@link #code()}.
 *
 * @param code        stable code, e.g. {@code ENGINEERING_RESEARCH_CENTRE}
 * @param name        Chinese name, as in the bureau's documents
 * @param englishName English name, as in the API and the glossary
 */
public record PlatformType(String code, String name, String englishName) {
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public PlatformType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(englishName, "englishName");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a platform type code: " + code);
        }
    }
}
