package cn.chenzhou.plan.sdk.demo;

import cn.chenzhou.plan.contracts.County;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Loads the demo plan through the gateway with the SDK — each county portal, the finance section and the plan office
 * doing their own part — in four phases: the registry's reference data, the registry, the projects, the money.
 * Within a phase the counties go in parallel; each item's steps go in their order.
 *
 * <p>Idempotent: every command carries a key derived from its dataset item and step, and what the platform already
 * holds is found first by its natural key, so a second load changes nothing and a load interrupted anywhere
 * resumes where it stopped.
 */
public final class DemoLoader {
    private final DemoDataset data;
    private final Principals as;
    private final Progress progress;
    private final int parallelism;

    /** What a load did. */
    public record Result(int commands, int alreadyThere, int replayed, Duration took) {
        /** Commands that changed something on the platform now. */
        public int applied() {
            return commands - alreadyThere - replayed;
        }
    }

    public DemoLoader(DemoDataset data, Principals as, Progress progress, int parallelism) {
        this.data = data;
        this.as = as;
        this.progress = progress;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * @param replays how many answers the platform replayed so far (the caller counts them with a
     *                {@link cn.chenzhou.plan.sdk.PlatformClient.CallListener})
     */
    public Result load(java.util.function.IntSupplier replays) {
        long started = System.nanoTime();
        LoadContext ctx = new LoadContext(data, as, progress);
        RegistryLoad registry = new RegistryLoad(ctx);
        ProjectLoad projects = new ProjectLoad(ctx);
        FundingLoad funding = new FundingLoad(ctx);
        progress.start(DemoCommands.count(data));

        progress.phase("registry: reference data");
        registry.referenceData();
        registry.takeInventory();
        progress.phase("registry: platforms, designations, enterprises, alliances, assessments");
        perCounty(registry::county);
        registry.joinReferenceAlliances();

        progress.phase("projects, achievements, industries");
        projects.takeInventory();
        perCounty(projects::county);

        progress.phase("funding: special fund, secured funds, matching funds, statistics");
        List<Runnable> money = new ArrayList<>();
        money.add(funding::financeBooks);
        for (String county : County.codes()) {
            money.add(() -> funding.county(county));
        }
        inParallel(money);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Result(progress.done(), ctx.alreadyThere.get(), replays.getAsInt(), took);
    }

    private void perCounty(java.util.function.Consumer<String> work) {
        inParallel(County.codes().stream().<Runnable>map(c -> () -> work.accept(c)).toList());
    }

    private void inParallel(List<Runnable> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "demo-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = tasks.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    running.forEach(other -> other.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the demo load was interrupted", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
