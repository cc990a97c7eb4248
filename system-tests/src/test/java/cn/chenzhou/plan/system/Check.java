package cn.chenzhou.plan.system;

import java.util.ArrayList;
import java.util.List;

/**
 * One reconciliation check: what it compares, from which independent sources, how many things it compared, and what
 * disagreed. A check that compared nothing proves nothing, so it fails as surely as one that found a discrepancy.
 */
final class Check {
    final String name;
    final String sources;
    long compared;
    final List<String> discrepancies = new ArrayList<>();

    Check(String name, String sources) {
        this.name = name;
        this.sources = sources;
    }

    void compared(long n) {
        compared += n;
    }

    void disagree(String what) {
        discrepancies.add(what);
    }

    boolean passed() {
        return compared > 0 && discrepancies.isEmpty();
    }

    String line() {
        String verdict = passed() ? "ok" : compared == 0 ? "FAILED: nothing to compare" : "FAILED";
        return String.format("%-58s %8d compared  %4d discrepancies  %s%n      sources: %s", name, compared,
                discrepancies.size(), verdict, sources);
    }
}
