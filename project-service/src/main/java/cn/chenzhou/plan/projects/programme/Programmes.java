package cn.chenzhou.plan.projects.programme;

import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.projects.programme.model.Level;
import cn.chenzhou.plan.projects.programme.model.Programme;
import cn.chenzhou.plan.projects.programme.model.SeedProgrammes;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The programme catalogue in project-service's own database (collection {@code programmes}, the code as {@code _id}).
 * Plain reference data, no events: projects and their events carry the programme code. The programmes of the
 * source document are seeded when the service starts; seeding only inserts what is missing, so it is idempotent
 * and never overwrites what the plan office added.
 */
@Component
public class Programmes {
    private final MongoTemplate mongo;
    private final Clock clock;

    Programmes(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        SeedProgrammes.ALL.forEach(p -> insertIfMissing(p, "seed"));
    }

    public Optional<Programme> find(String code) {
        return Optional.ofNullable(raw().find(Filters.eq("_id", code)).first()).map(Programmes::programme);
    }

    List<Programme> page(PageParameters paging) {
        return raw().find().sort(Sorts.ascending("_id")).skip(paging.offset()).limit(paging.size())
                .map(Programmes::programme).into(new ArrayList<>());
    }

    long count() {
        return raw().countDocuments();
    }

    /** Adds a programme; false if one with that code exists already (nothing is changed then). */
    boolean add(Programme programme, String actor) {
        try {
            raw().insertOne(document(programme, actor));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private void insertIfMissing(Programme programme, String actor) {
        Document doc = document(programme, actor);
        doc.remove("_id");
        try {
            raw().updateOne(Filters.eq("_id", programme.code()), Updates.setOnInsert(doc), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // another instance seeded the same programme at the same moment: what we wanted is there
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private Document document(Programme p, String actor) {
        return new Document("_id", p.code())
                .append("chineseName", p.chineseName())
                .append("englishName", p.englishName())
                .append("level", p.level().name())
                .append("addedBy", actor)
                .append("addedAt", Date.from(clock.instant()));
    }

    private static Programme programme(Document d) {
        return new Programme(d.getString("_id"), d.getString("chineseName"), d.getString("englishName"),
                Level.valueOf(d.getString("level")));
    }

    private MongoCollection<Document> raw() {
        return mongo.getCollection("programmes");
    }
}
