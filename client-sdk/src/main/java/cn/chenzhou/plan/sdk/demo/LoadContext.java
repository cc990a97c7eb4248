package cn.chenzhou.plan.sdk.demo;

import cn.chenzhou.plan.sdk.PlatformApiException;
import cn.chenzhou.plan.sdk.PlatformClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the parts of a load share: the dataset, the principals to act as, the progress, the platform ids found or
 * created for the dataset's refs, and the count of commands skipped because their effect was already there.
 */
final class LoadContext {
    /** Refusals that mean "this is done already" when a load meets the effect of an earlier one. */
    private static final Set<String> ALREADY_DONE = Set.of("already-accredited", "already-granted", "platform-revoked",
            "designation-revoked", "already-a-member", "rd-institution-open", "no-open-rd-institution", "no-change",
            "revision-mismatch", "fund-already-open", "already-exists", "already-filed");

    final DemoDataset data;
    final Principals as;
    final Progress progress;
    final Map<String, String> projectIds = new ConcurrentHashMap<>();
    final Map<String, String> achievementIds = new ConcurrentHashMap<>();
    final AtomicInteger alreadyThere = new AtomicInteger();

    LoadContext(DemoDataset data, Principals as, Progress progress) {
        this.data = data;
        this.as = as;
        this.progress = progress;
    }

    /** The deterministic Idempotency-Key of one command of one dataset item: the same in every load. */
    String key(String... parts) {
        return data.keyPrefix() + ":" + String.join(":", parts);
    }

    PlatformClient county(String code) {
        return as.county(code);
    }

    PlatformClient finance() {
        return as.finance();
    }

    PlatformClient planOffice() {
        return as.planOffice();
    }

    /** A command was applied now (or replayed by the platform from an earlier load). */
    void applied() {
        progress.advance();
    }

    /** A command whose effect the platform already shows: nothing sent. */
    void skipped() {
        alreadyThere.incrementAndGet();
        progress.advance();
    }

    /** Runs a command; a refusal saying its effect is already there counts as done. */
    /**
     * Carries out a command that creates something which cannot be looked up by the dataset's reference: a refusal
     * (even "already exists") is not hidden behind a lookup that has nothing to find.
     */
    <T> T apply(Supplier<T> command) {
        T result = command.get();
        applied();
        return result;
    }

    <T> T applyOrFind(Supplier<T> command, Supplier<T> existing) {
        try {
            T result = command.get();
            applied();
            return result;
        } catch (PlatformApiException.Conflict refused) {
            if (!ALREADY_DONE.contains(refused.type())) {
                throw refused;
            }
            skipped();
            return existing.get();
        }
    }

    String projectId(String ref) {
        return ref == null ? null : require(projectIds, ref, "project");
    }

    String achievementId(String ref) {
        return require(achievementIds, ref, "achievement");
    }

    private static String require(Map<String, String> ids, String ref, String what) {
        String id = ids.get(ref);
        if (id == null) {
            throw new IllegalStateException("the dataset refers to " + what + " " + ref + ", which was not loaded first");
        }
        return id;
    }
}
