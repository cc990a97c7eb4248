package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** The read model's state, a rebuild from the topics with its progress, and an aggregate's applied sequence. */
@RestController
@RequestMapping("/api/reports/read-model")
class ReadModelController {
    private final FactPipeline pipeline;
    private final SequenceWaits waits;

    ReadModelController(FactPipeline pipeline, SequenceWaits waits) {
        this.pipeline = pipeline;
        this.waits = waits;
    }

    @GetMapping
    @Allowed({Role.ADMIN, Role.FINANCE, Role.VIEWER})
    PipelineStatus status(Actor actor) {
        return pipeline.status();
    }

    /** Drops the read model and rebuilds it from the beginning of every topic; follow it at GET .../rebuild. */
    @PostMapping("/rebuild")
    @Allowed(Role.ADMIN)
    ResponseEntity<PipelineStatus.Rebuild> rebuild(Actor actor) {
        if (!pipeline.requestRebuild(actor.name())) {
            throw ApiException.conflict("rebuild-running", "a rebuild is already asked for or running");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/reports/read-model/rebuild")
                .body(pipeline.status().rebuild());
    }

    @GetMapping("/rebuild")
    @Allowed({Role.ADMIN, Role.FINANCE, Role.VIEWER})
    PipelineStatus.Rebuild rebuildProgress(Actor actor) {
        return pipeline.status().rebuild();
    }

    record AggregateSequence(String topic, String aggregateId, long sequence) {
    }

    /**
     * The sequence of the last event applied for an aggregate (0 if none): how fresh the read model is. With
     * {@code atLeast} and {@code waitMs} (at most 10 000; a longer wait is refused with 400 naming {@code waitMs}) the
     * answer waits until that sequence has been applied or the wait runs out, and then gives the sequence applied by
     * then: read-your-write without polling.
     */
    @GetMapping("/aggregates/{topic}/{aggregateId}")
    @Allowed({Role.ADMIN, Role.FINANCE, Role.VIEWER})
    DeferredResult<AggregateSequence> aggregate(@PathVariable String topic, @PathVariable String aggregateId,
                                                @RequestParam(required = false) Long atLeast,
                                                @RequestParam(defaultValue = "0") long waitMs, Actor actor) {
        if (waitMs < 0 || waitMs > SequenceWaits.LONGEST_WAIT.toMillis()) {
            throw ApiException.invalidField("waitMs", "must be between 0 and " + SequenceWaits.LONGEST_WAIT.toMillis());
        }
        if (atLeast != null && atLeast < 1) {
            throw ApiException.invalidField("atLeast", "must be a sequence number of 1 or more");
        }
        return waits.await(topic + "/" + aggregateId, atLeast == null || waitMs == 0 ? 0 : atLeast,
                Duration.ofMillis(Math.max(1, waitMs)), sequence -> new AggregateSequence(topic, aggregateId, sequence));
    }
}
