package cn.chenzhou.plan.projects.project.model;

import java.util.Objects;

/** The applicant's contact person for the project (项目联系人); e-mail is optional. */
public record Contact(String name, String phone, String email) {
    public Contact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
    }
}
