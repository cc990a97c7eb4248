package cn.chenzhou.plan.projects.industry.model;

import java.time.LocalDate;
import java.util.Objects;

/** The plan office's recognition of an industry as cultivated through S&T, by a document (认定文件). */
public record Recognition(String documentNo, LocalDate recognisedOn) {
    public Recognition {
        Objects.requireNonNull(documentNo, "documentNo");
        Objects.requireNonNull(recognisedOn, "recognisedOn");
    }
}
