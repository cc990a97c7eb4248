package cn.chenzhou.plan.reporting.alert;

import cn.chenzhou.plan.reporting.facts.FactsReadModel;
import cn.chenzhou.plan.reporting.plan.PlanBook;
import cn.chenzhou.plan.reporting.scorecard.Reports;
import cn.chenzhou.plan.reporting.scorecard.model.Scorecard;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Evaluates the plan in force on its live date whenever the facts or the plan change (at most every
 * {@code reporting.evaluation-interval}, and at least every minute so a new day is noticed), records the statuses in the
 * {@link AlertLog} — publishing alerts — and tells the dashboard. It waits while the pipeline catches up or rebuilds:
 * the half-read history of a replay is no news.
 */
@Component
public class LiveEvaluation implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LiveEvaluation.class);

    private final FactsReadModel facts;
    private final Reports reports;
    private final AlertLog alerts;
    private final Clock clock;
    private final Duration interval;
    private final Semaphore signal = new Semaphore(0);
    private final List<Consumer<Evaluated>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Evaluated last;
    private Thread worker;

    /** One live evaluation: the scorecard and the alerts it raised. */
    public record Evaluated(Scorecard scorecard, List<AlertLog.Alert> alerts, long factsVersion) {
    }

    LiveEvaluation(FactsReadModel facts, PlanBook plans, Reports reports, AlertLog alerts, Clock clock,
                   @Value("${reporting.evaluation-interval:200ms}") Duration interval) {
        this.facts = facts;
        this.reports = reports;
        this.alerts = alerts;
        this.clock = clock;
        this.interval = interval;
        facts.onChange(signal::release);
        plans.onChange(signal::release);
    }

    public void onEvaluated(Consumer<Evaluated> listener) {
        listeners.add(listener);
    }

    /** The last live evaluation, or null before the first. */
    public Evaluated last() {
        return last;
    }

    /** Asks for an evaluation now (e.g. after a plan was loaded). */
    public void nudge() {
        signal.release();
    }

    private void loop() {
        while (running) {
            try {
                signal.tryAcquire(60, TimeUnit.SECONDS);
                if (!running) {
                    return;
                }
                Thread.sleep(interval.toMillis());
                signal.drainPermits();
                if (facts.isLive()) {
                    evaluate();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("live evaluation failed, will try again: {}", e.toString());
            }
        }
    }

    private void evaluate() {
        long version = facts.version();
        LocalDate date = reports.liveDate();
        Scorecard scorecard = reports.scorecard(date);
        List<AlertLog.Alert> raised = alerts.record(scorecard, clock.instant());
        Evaluated e = new Evaluated(scorecard, raised, version);
        last = e;
        listeners.forEach(l -> l.accept(e));
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::loop, "live-evaluation");
        worker.setDaemon(true);
        worker.start();
        signal.release();
    }

    @Override
    public synchronized void stop() {
        running = false;
        signal.release();
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 150;
    }
}
