package cn.chenzhou.plan.registry.platform.model;

import cn.chenzhou.plan.registry.model.Level;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One accreditation (认定) of a platform: at which level, by whom, by which document, effective from when.
 *
 * @param level           the level at which the platform counts from {@code accreditedOn}
 * @param accreditingBody e.g. 湖南省科学技术厅
 * @param documentNo      the accreditation document's number, e.g. 湘科计字〔2013〕12号
 * @param accreditedOn    effective date
 */
public record Accreditation(Level level, String accreditingBody, String documentNo, LocalDate accreditedOn) {
    public Accreditation {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(accreditingBody, "accreditingBody");
        Objects.requireNonNull(documentNo, "documentNo");
        Objects.requireNonNull(accreditedOn, "accreditedOn");
    }
}
