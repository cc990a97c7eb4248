package cn.chenzhou.plan.projects.project.model;

import java.util.Objects;

/** One expert's review (专家评审意见): a score out of 100 and an opinion. */
public record Review(String expert, double score, String opinion) {
    public Review {
        Objects.requireNonNull(expert, "expert");
        Objects.requireNonNull(opinion, "opinion");
    }
}
