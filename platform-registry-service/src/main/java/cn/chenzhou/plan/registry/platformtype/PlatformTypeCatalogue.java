package cn.chenzhou.plan.registry.platformtype;

import cn.chenzhou.plan.chassis.web.PageParameters;
import cn.chenzhou.plan.registry.platformtype.model.PlatformType;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform types in the registry's own database ({@code platform_types}, keyed by code). The types of
 * {@code reference/platform-types.json} are seeded at start-up if missing — idempotently, and without overwriting
 * what the plan office changed since; the plan office adds more through the API.
 */
@Component
public class PlatformTypeCatalogue {
    static final String COLLECTION = "platform_types";
    private static final Logger log = LoggerFactory.getLogger(PlatformTypeCatalogue.class);

    private final MongoTemplate mongo;

    PlatformTypeCatalogue(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        seed(json);
    }

    private void seed(JsonMapper json) {
        List<PlatformType> seeds;
        try (InputStream in = new ClassPathResource("reference/platform-types.json").getInputStream()) {
            seeds = json.readValue(in, new TypeReference<List<PlatformType>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the platform types to seed", e);
        }
        int added = 0;
        for (PlatformType type : seeds) {
            try {
                var result = raw().updateOne(Filters.eq("_id", type.code()),
                        Updates.combine(Updates.setOnInsert("name", type.name()),
                                Updates.setOnInsert("englishName", type.englishName())),
                        new UpdateOptions().upsert(true));
                added += result.getUpsertedId() != null ? 1 : 0;
            } catch (MongoWriteException e) {
                // another instance seeded the same type at the same moment
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        log.info("platform types: {} seeded of {} in reference/platform-types.json", added, seeds.size());
    }

    public boolean exists(String code) {
        return code != null && raw().countDocuments(Filters.eq("_id", code)) > 0;
    }

    public Optional<PlatformType> find(String code) {
        return Optional.ofNullable(raw().find(Filters.eq("_id", code)).first()).map(PlatformTypeCatalogue::fromDocument);
    }

    public List<PlatformType> page(PageParameters paging) {
        return raw().find().sort(new Document("_id", 1)).skip(paging.offset()).limit(paging.size())
                .map(PlatformTypeCatalogue::fromDocument).into(new java.util.ArrayList<>());
    }

    public long count() {
        return raw().countDocuments();
    }

    /** @return false if a type with this code exists already */
    boolean add(PlatformType type) {
        try {
            raw().insertOne(new Document("_id", type.code()).append("name", type.name()).append("englishName", type.englishName()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** @return false if there is no type with this code */
    boolean rename(PlatformType type) {
        return raw().updateOne(Filters.eq("_id", type.code()),
                Updates.combine(Updates.set("name", type.name()), Updates.set("englishName", type.englishName())))
                .getMatchedCount() > 0;
    }

    private static PlatformType fromDocument(Document d) {
        return new PlatformType(d.getString("_id"), d.getString("name"), d.getString("englishName"));
    }

    private MongoCollection<Document> raw() {
        return mongo.getCollection(COLLECTION);
    }
}
