package cn.chenzhou.plan.projects.project;

import cn.chenzhou.plan.chassis.web.ValidCreditCode;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.projects.programme.Programmes;
import cn.chenzhou.plan.projects.programme.model.Level;
import cn.chenzhou.plan.projects.project.model.Applicant;
import cn.chenzhou.plan.projects.project.model.Contact;
import cn.chenzhou.plan.projects.project.model.ProjectPeriod;
import cn.chenzhou.plan.projects.project.model.Proposal;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The application's fields, the same in a new draft and in a revision, and how they become a {@link Proposal}. */
interface ProposalFields {
    String title();

    String programme();

    Level level();

    ApplicantBody applicant();

    Money requestedAmount();

    PeriodBody period();

    ContactBody contact();

    record ApplicantBody(@NotBlank @Size(max = 100) String name, @NotNull @ValidCreditCode String creditCode) {
    }

    record PeriodBody(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    record ContactBody(@NotBlank @Size(max = 50) String name,
                       @NotNull @Pattern(regexp = "[0-9+()\\- ]{5,20}", message = "must be a telephone number") String phone,
                       @Email @Size(max = 100) String email) {
    }

    /** The programme must be in the catalogue and the credit code must carry its own check character. */
    static Proposal toProposal(ProposalFields f, Programmes programmes) {
        if (programmes.find(f.programme()).isEmpty()) {
            throw ApiException.invalidField("programme", "no such programme: " + f.programme()
                    + " (the catalogue is at /api/projects/programmes)");
        }
        ContactBody c = f.contact();
        return new Proposal(f.title().strip(), f.programme(), f.level(),
                new Applicant(f.applicant().name().strip(), new CreditCode(f.applicant().creditCode())),
                f.requestedAmount(), new ProjectPeriod(f.period().start(), f.period().end()),
                new Contact(c.name().strip(), c.phone().strip(), c.email()));
    }
}
