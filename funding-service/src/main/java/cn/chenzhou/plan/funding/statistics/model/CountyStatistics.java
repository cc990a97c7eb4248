package cn.chenzhou.plan.funding.statistics.model;

import cn.chenzhou.plan.funding.command.model.Outcome;
import cn.chenzhou.plan.funding.command.model.Recording;
import cn.chenzhou.plan.funding.command.model.Refusal;
import cn.chenzhou.plan.funding.command.model.Refused;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A county's annual S&T investment statistics for one year (县市区科技投入统计; T9, T10, F3), with every revision
 * ever filed. A revision never overwrites: it is added, with who filed it and why, and the latest one counts.
 */
public record CountyStatistics(String county, int year, List<StatisticsRevision> revisions) {

    public CountyStatistics {
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("a county-year's statistics start with their first filing");
        }
    }

    /** The first filing (revision 1) of a county-year's figures. */
    public static CountyStatistics file(String county, int year, Figures figures, LocalDate filedOn, Recording recording) {
        figures.validated();
        if (filedOn.isBefore(LocalDate.of(year, 1, 1))) {
            throw Refusal.invalid("filedOn", "must not be before the year it reports on (" + year + ")");
        }
        return new CountyStatistics(county, year, List.of(new StatisticsRevision(1, figures, filedOn, null, recording)));
    }

    public StatisticsRevision current() {
        return revisions.get(revisions.size() - 1);
    }

    /** True if the first filing is what would be filed again: a retried filing is answered, not refused. */
    public boolean isFirstFiling(Figures figures, LocalDate filedOn, String by) {
        StatisticsRevision first = revisions.get(0);
        return revisions.size() == 1 && first.figures().equals(figures) && first.filedOn().equals(filedOn)
                && first.recorded().by().equals(by);
    }

    /**
     * Files a revision of the revision the county saw ({@code supersedes}); refused if another revision came in
     * since (the county must look at it first) or if nothing would change.
     */
    public Outcome<CountyStatistics, StatisticsRevision> revise(int supersedes, Figures figures, LocalDate filedOn,
                                                                String reason, Recording recording) {
        StatisticsRevision current = current();
        StatisticsRevision candidate = new StatisticsRevision(supersedes + 1, figures, filedOn, reason, recording);
        if (supersedes == current.revision() - 1 && sameFiling(current, candidate)) {
            return Outcome.replayed(this, current); // the same revision, retried
        }
        if (supersedes != current.revision()) {
            throw new Refused(new Refusal.Conflict("stale-revision", "the " + year + " statistics of county " + county
                    + " are at revision " + current.revision() + ", not " + supersedes + "; read them and revise that",
                    Map.of("county", county, "year", year, "currentRevision", current.revision())));
        }
        figures.validated();
        if (filedOn.isBefore(current.filedOn())) {
            throw Refusal.invalid("filedOn", "must not be before the revision it supersedes (" + current.filedOn() + ")");
        }
        if (figures.equals(current.figures())) {
            throw Refusal.conflict("no-change", "revision " + current.revision() + " already has these figures");
        }
        List<StatisticsRevision> more = new ArrayList<>(revisions);
        more.add(candidate);
        return Outcome.changed(new CountyStatistics(county, year, more), candidate);
    }

    private static boolean sameFiling(StatisticsRevision a, StatisticsRevision b) {
        return a.figures().equals(b.figures()) && a.filedOn().equals(b.filedOn())
                && java.util.Objects.equals(a.reason(), b.reason()) && a.recorded().by().equals(b.recorded().by());
    }
}
