package cn.chenzhou.plan.reporting.dashboard;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.reporting.alert.AlertLog;
import cn.chenzhou.plan.reporting.alert.LiveEvaluation;
import cn.chenzhou.plan.reporting.scorecard.model.Status;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events to every open dashboard: an {@code update} after each live evaluation (the page then fetches the
 * figures again), with the alerts it raised that the viewer may see; a comment every 15 s keeps proxies from closing
 * the stream.
 */
@Component
class DashboardStream implements DisposableBean {
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;
    private final Map<SseEmitter, Actor> viewers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dashboard-heartbeat");
        t.setDaemon(true);
        return t;
    });

    DashboardStream(LiveEvaluation live) {
        live.onEvaluated(this::evaluated);
        heartbeat.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    record AlertNote(String targetId, String scope, Status fromStatus, Status toStatus, String value) {
    }

    record Update(LocalDate asOf, long factsVersion, Instant evaluatedAt, List<AlertNote> alerts) {
    }

    SseEmitter open(Actor actor) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        viewers.put(emitter, actor);
        emitter.onCompletion(() -> viewers.remove(emitter));
        emitter.onTimeout(() -> viewers.remove(emitter));
        emitter.onError(e -> viewers.remove(emitter));
        send(emitter, SseEmitter.event().name("hello").data(Map.of("connectedAt", Instant.now().toString()),
                MediaType.APPLICATION_JSON));
        return emitter;
    }

    private void evaluated(LiveEvaluation.Evaluated e) {
        Instant now = Instant.now();
        viewers.forEach((emitter, actor) -> {
            List<AlertNote> visible = e.alerts().stream().filter(a -> actor.mayRead(a.scope()))
                    .map(DashboardStream::note).toList();
            send(emitter, SseEmitter.event().name("update")
                    .data(new Update(e.scorecard().asOf(), e.factsVersion(), now, visible), MediaType.APPLICATION_JSON));
        });
    }

    private static AlertNote note(AlertLog.Alert a) {
        return new AlertNote(a.targetId(), a.scope(), a.change().fromStatus(), a.change().toStatus(), a.change().value());
    }

    private void beat() {
        viewers.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive")));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            viewers.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        viewers.keySet().forEach(SseEmitter::complete);
    }
}
