package cn.chenzhou.plan.reporting.facts;

import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read model's state, a rebuild from the topics with its progress, and an aggregate's applied sequence. */
@RestController
@RequestMapping("/api/reports/read-model")
class ReadModelController {
    private final FactPipeline pipeline;
    private final FactsReadModel facts;

    ReadModelController(FactPipeline pipeline, FactsReadModel facts) {
        this.pipeline = pipeline;
        this.facts = facts;
    }

    @GetMapping
    PipelineStatus status(Actor actor) {
        actor.require(Role.ADMIN, Role.FINANCE, Role.VIEWER);
        return pipeline.status();
    }

    /** Drops the read model and rebuilds it from the beginning of every topic; follow it at GET .../rebuild. */
    @PostMapping("/rebuild")
    ResponseEntity<PipelineStatus.Rebuild> rebuild(Actor actor) {
        actor.require(Role.ADMIN);
        if (!pipeline.requestRebuild(actor.name())) {
            throw ApiException.conflict("rebuild-running", "a rebuild is already asked for or running");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/reports/read-model/rebuild")
                .body(pipeline.status().rebuild());
    }

    @GetMapping("/rebuild")
    PipelineStatus.Rebuild rebuildProgress(Actor actor) {
        actor.require(Role.ADMIN, Role.FINANCE, Role.VIEWER);
        return pipeline.status().rebuild();
    }

    record AggregateSequence(String topic, String aggregateId, long sequence) {
    }

    /** The sequence of the last event applied for an aggregate (0 if none): how fresh the read model is. */
    @GetMapping("/aggregates/{topic}/{aggregateId}")
    AggregateSequence aggregate(@PathVariable String topic, @PathVariable String aggregateId, Actor actor) {
        actor.require(Role.ADMIN, Role.FINANCE, Role.VIEWER);
        return new AggregateSequence(topic, aggregateId, facts.read(b -> b.sequenceOf(topic + "/" + aggregateId)));
    }
}
