package cn.chenzhou.plan.reporting.projects;

import cn.chenzhou.plan.chassis.events.EventCodec;
import cn.chenzhou.plan.chassis.events.IdempotentProjection;
import cn.chenzhou.plan.chassis.events.ReceivedEvent;
import cn.chenzhou.plan.contracts.Topics;
import cn.chenzhou.plan.contracts.project.ProjectEvents;
import cn.chenzhou.plan.contracts.project.ProjectSubmitted;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Updates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The read model of projects: one fact document per project, fed by {@code projects.events}.
 * Every event is applied at most once per project (see {@link IdempotentProjection}).
 */
@Component
public class ProjectFacts {
    static final String COLLECTION = "project_facts";
    private final EventCodec codec;
    private final IdempotentProjection projection;
    private final MongoTemplate mongo;

    ProjectFacts(EventCodec codec, IdempotentProjection projection, MongoTemplate mongo) {
        this.codec = codec;
        this.projection = projection;
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.PROJECTS, groupId = "reporting-projects")
    void on(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = codec.decode(record);
        if (event.type().equals(ProjectEvents.SUBMITTED.type())) {
            ProjectSubmitted submitted = codec.data(event, ProjectSubmitted.class);
            projection.apply(COLLECTION, event, Updates.combine(
                    Updates.set("county", submitted.county()),
                    Updates.set("programme", submitted.programme()),
                    Updates.set("level", submitted.level()),
                    Updates.set("status", "SUBMITTED"),
                    Updates.set("submittedOn", submitted.submittedOn())));
        }
        // other types are not yet part of any report; reading past them is deliberate
    }

    /** Submitted projects per county code. */
    public Map<String, Long> submittedByCounty() {
        Map<String, Long> counts = new HashMap<>();
        mongo.getCollection(COLLECTION).aggregate(List.of(
                        Aggregates.group("$county", Accumulators.sum("n", 1))))
                .forEach((Document d) -> counts.put(d.getString("_id"), ((Number) d.get("n")).longValue()));
        return counts;
    }
}
