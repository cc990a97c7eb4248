package cn.chenzhou.plan.stack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, answering every query that fixes {@code _id} from the primary key instead of
 * reading the whole collection.
 *
 * <p>The library uses an index only when a query names exactly the index's fields: {@code {_id: x}} is a key look-up,
 * but {@code {_id: x, _version: 3}} — the optimistic update of every aggregate, the outbox relay's lease, an
 * idempotency take-over — decodes every document of the collection under the collection's lock, so each write got
 * slower as the data grew (a 5,000-project collection: ~10 ms per update instead of well under one). Such a query
 * here looks up the one document with that {@code _id} and applies the whole query to it: the same answer, from one
 * document. Storage (map names, document encoding) is the library's own, so existing data files open unchanged.
 *
 * <p>It also answers every query with copies of the stored documents ({@link IdLookupCollection#createQueryResult}).
 */
final class IdLookupH2Backend extends H2Backend {
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
    static final int RETENTION_MS = 5_000;
    private final MVStore store;

    /**
     * @param file the H2 file, or null for a store in memory. A file is committed only by its {@link GroupCommit}:
     *             MVStore's own background commit (and its commit when unsaved changes pile up) could store half of an
     *             operation — a document without its index entry — and would acknowledge nothing anyway.
     */
    static IdLookupH2Backend open(String file) {
        MVStore store = file == null ? MVStore.open(null)
                : new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0).open();
        if (file != null) {
            // MVStore keeps a chunk it no longer needs for 45 s by default, in case the disk had not flushed the newer
            // ones yet; every commit here is fsynced before the next, so a few seconds do, and the file written in
            // many small commits stays a fraction of the size
            store.setRetentionTime(RETENTION_MS);
        }
        OPENING.set(store);
        try {
            return new IdLookupH2Backend(store);
        } finally {
            OPENING.remove();
        }
    }

    private IdLookupH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    MVStore store() {
        return store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // the superclass constructor opens the existing databases before this.store is assigned
        return Database.open(databaseName, store != null ? store : OPENING.get(), getCursorRegistry());
    }

    static final class Database extends H2Database {
        private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
        private final MVStore store;

        static Database open(String name, MVStore store, CursorRegistry cursors) {
            OPENING.set(store);
            try {
                return new Database(name, store, cursors);
            } finally {
                OPENING.remove();
            }
        }

        private Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
            this.store = store;
        }

        /** As {@link H2Database} opens a collection (the same map names), but as an {@link IdLookupCollection}. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore s = store != null ? store : OPENING.get();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = s.openMap("databases." + namespace);
            MVMap<String, Object> meta = s.openMap("meta." + namespace);
            return new IdLookupCollection(this, collectionName, options, data, meta, cursorRegistry, s);
        }
    }

    static final class IdLookupCollection extends H2Collection {
        private final MVStore store;
        /** The store's version when a document of this collection last changed (0: before this process opened it). */
        private volatile long lastChange;

        IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                           MVMap<String, Object> meta, CursorRegistry cursors, MVStore store) {
            super(database, name, options, data, meta, cursors);
            this.store = store;
        }

        long lastChange() {
            return lastChange;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object key = super.addDocumentInternal(document);
            lastChange = store.getCurrentVersion();
            return key;
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            lastChange = store.getCurrentVersion();
        }

        @Override
        protected void removeDocument(Object position) {
            super.removeDocument(position);
            lastChange = store.getCurrentVersion();
        }

        /** Called when no index takes the query as it is: a query that fixes _id reads only those documents. */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            List<Object> ids = idValues(query, getIdField());
            Index<Object> primary = ids == null ? null : primaryKey();
            if (primary != null) {
                java.util.LinkedHashSet<Object> positions = new java.util.LinkedHashSet<>();
                for (Object id : ids) {
                    for (Object position : primary.getPositions(new Document(getIdField(), id))) {
                        positions.add(position);
                    }
                }
                return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
            }
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /**
         * Answers with copies. The library answers with the very objects its store holds, writes them to the socket
         * after the collection's lock is released, and an update changes the stored object in place — so a reader could
         * see a document half-way through an update: the new {@code _version} with the old state. An optimistic writer
         * that decided on that state and wrote "at" that version overwrote a change it never saw (racing allocations
         * exceeded a year's budget). An update changes what a query of its own returned: with copies, a stored object
         * is never changed again once stored, and every answer is one whole version of its document.
         */
        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            List<Document> copies = new ArrayList<>(matchedDocuments.size());
            for (Document document : matchedDocuments) {
                copies.add(document.cloneDeeply());
            }
            return super.createQueryResult(copies, batchSize);
        }

        private Index<Object> primaryKey() {
            Document key = new Document(getIdField(), "any");
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(key)) {
                    return index;
                }
            }
            return null;
        }
    }

    /**
     * The values a query allows for {@code idField} when it fixes them — a plain value or {@code $in} of plain values,
     * at its top level or in a top-level {@code $and} — or null if it does not (operators, arrays and patterns are
     * left to a full scan).
     */
    static List<Object> idValues(Document query, String idField) {
        Object value = query.get(idField);
        if (value instanceof Document d && d.size() == 1 && d.get("$in") instanceof java.util.Collection<?> in) {
            return in.stream().allMatch(v -> v != null && isPlainValue(v)) ? List.copyOf(in) : null;
        }
        if (value != null) {
            return isPlainValue(value) ? List.of(value) : null;
        }
        if (query.get("$and") instanceof List<?> all) {
            for (Object clause : all) {
                if (clause instanceof Document d) {
                    List<Object> found = idValues(d, idField);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isPlainValue(Object value) {
        if (value instanceof Document d) {
            return d.keySet().stream().noneMatch(k -> k.startsWith("$"));
        }
        return !(value instanceof List<?>) && !(value instanceof java.util.regex.Pattern)
                && !value.getClass().getName().startsWith("de.bwaldvogel.mongo.bson.BsonRegularExpression");
    }
}
