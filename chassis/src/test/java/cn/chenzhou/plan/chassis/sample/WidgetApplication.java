package cn.chenzhou.plan.chassis.sample;

import cn.chenzhou.plan.chassis.events.EventCodec;
import cn.chenzhou.plan.chassis.outbox.AggregateCollection;
import cn.chenzhou.plan.chassis.outbox.Aggregates;
import cn.chenzhou.plan.chassis.outbox.PendingEvent;
import cn.chenzhou.plan.chassis.outbox.Versioned;
import cn.chenzhou.plan.chassis.security.Actor;
import cn.chenzhou.plan.chassis.security.Allowed;
import cn.chenzhou.plan.chassis.security.Role;
import cn.chenzhou.plan.chassis.web.ApiException;
import cn.chenzhou.plan.chassis.web.CountyCode;
import cn.chenzhou.plan.chassis.web.MultiLine;
import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.chassis.web.PageView;
import cn.chenzhou.plan.chassis.web.PositiveAmount;
import cn.chenzhou.plan.contracts.EventType;
import cn.chenzhou.plan.contracts.Money;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service on the chassis, to test the chassis as a service would use it. */
@SpringBootApplication
public class WidgetApplication {
    static final String TOPIC = "chassis.widgets";
    static final EventType CREATED = EventType.of(TOPIC, "widget.created", 1, WidgetCreated.class);
    static final EventType RENAMED = EventType.of(TOPIC, "widget.renamed", 1, WidgetRenamed.class);

    public record Widget(String id, String county, String name, Money price) {
    }

    public record WidgetCreated(String widgetId, String name, long priceFen) {
    }

    public record WidgetRenamed(String widgetId, String name) {
    }

    /** {@code madeOn} and {@code note} are optional and not kept: they are there to show how dates and text are read. */
    record NewWidget(@NotBlank @Size(max = 40) String id, @NotNull @CountyCode String county,
                     @NotBlank @Size(max = 40) String name, @NotNull @PositiveAmount Money price, LocalDate madeOn,
                     @MultiLine @Size(max = 200) String note) {
    }

    record Dates(LocalDate iso, LocalDate plain) {
    }

    record Rename(@NotBlank String name) {
    }

    @RestController
    static class WidgetController {
        private static final Logger log = LoggerFactory.getLogger(WidgetController.class);
        private final AggregateCollection<Widget> widgets;

        WidgetController(Aggregates aggregates) {
            this.widgets = aggregates.collection("widgets", Widget.class);
        }

        @PostMapping("/widgets")
        @ResponseStatus(HttpStatus.CREATED)
        @Allowed({Role.COUNTY, Role.ADMIN})
        Widget create(@Valid @RequestBody NewWidget request, Actor actor) {
            actor.requireCounty(request.county());
            Widget widget = new Widget(request.id(), request.county(), request.name(), request.price());
            widgets.insert(widget.id(), widget, List.of(new PendingEvent(CREATED, widget.id(), widget.county(),
                    new WidgetCreated(widget.id(), widget.name(), widget.price().fen()))), actor.name());
            log.info("widget {} created", widget.id());
            return widget;
        }

        /** The same command answered as the services answer theirs: 201 with a Location. */
        @PostMapping("/widgets/answered")
        @Allowed({Role.COUNTY, Role.ADMIN})
        ResponseEntity<Widget> createAnswered(@Valid @RequestBody NewWidget request, Actor actor) {
            Widget widget = create(request, actor);
            return ResponseEntity.created(java.net.URI.create("/widgets/" + widget.id())).body(widget);
        }

        /** A list paged as every service pages one: the widgets, by id. */
        @GetMapping("/widgets/page")
        PageView<Widget> page(PageParameters paging, Actor actor) {
            Query byId = new Query().with(Sort.by("_id")).skip(paging.offset()).limit(paging.size());
            return paging.of(widgets.find(byId).stream().map(Versioned::state).toList(), widgets.count(new Query()));
        }

        /** A list held in memory, paged the same way: the numbers 1 to 45. */
        @GetMapping("/widgets/numbers")
        PageView<Integer> numbers(PageParameters paging, Actor actor) {
            return paging.of(java.util.stream.IntStream.rangeClosed(1, 45).boxed().toList(), n -> n);
        }

        /** Echoes its date parameters: one declared ISO, one not. */
        @GetMapping("/widgets/dates")
        Dates dates(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate iso,
                    @RequestParam(required = false) LocalDate plain, Actor actor) {
            return new Dates(iso, plain);
        }

        /** A download, as the ledgers and scorecards are: its media type is set by the handler. */
        @GetMapping("/widgets/export.csv")
        ResponseEntity<byte[]> export(Actor actor) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .body("id,name\n".getBytes(StandardCharsets.UTF_8));
        }

        @PutMapping("/widgets/{id}/name")
        @Allowed({Role.COUNTY, Role.ADMIN})
        Widget rename(@PathVariable String id, @RequestParam long version, @Valid @RequestBody Rename request, Actor actor) {
            Versioned<Widget> loaded = widgets.find(id).orElseThrow(() -> ApiException.notFound("widget", id));
            if (loaded.version() != version) {
                throw ApiException.conflict("stale-version", "widget " + id + " is at version " + loaded.version());
            }
            actor.requireCounty(loaded.state().county());
            Widget renamed = new Widget(id, loaded.state().county(), request.name(), loaded.state().price());
            widgets.update(loaded, renamed, List.of(new PendingEvent(RENAMED, id, renamed.county(),
                    new WidgetRenamed(id, request.name()))), actor.name());
            return renamed;
        }
    }

    /**
     * A read model fed by the widget events through a listener on the chassis's error handling: how many events each
     * widget's view applied, and its name. (It does not skip a redelivered event: a real read model checks the sequence.)
     */
    @org.springframework.stereotype.Component
    static class WidgetView {
        private final EventCodec codec;
        private final MongoTemplate mongo;

        WidgetView(EventCodec codec, MongoTemplate mongo) {
            this.codec = codec;
            this.mongo = mongo;
        }

        @KafkaListener(topics = TOPIC, groupId = "widget-view")
        void on(ConsumerRecord<String, byte[]> record) {
            var event = codec.decode(record);
            String name = event.type().equals(CREATED.type())
                    ? codec.data(event, WidgetCreated.class).name()
                    : codec.data(event, WidgetRenamed.class).name();
            mongo.getCollection("widget_view").updateOne(Filters.eq("_id", event.subject()),
                    Updates.combine(Updates.inc("applied", 1), Updates.set("name", name)), new UpdateOptions().upsert(true));
        }
    }
}
