package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Small helpers over the driver for reading read models. Lookups go by {@code _id} alone: the embedded server
 * serves only exact matches on a single-field unique index from the index, and scans for anything else. Writes go
 * through {@link DocumentWrites}.
 */
public final class Documents {
    private Documents() {
    }

    /** Ids per {@code $in} query: the embedded server checks each document found against the whole list. */
    private static final int IN_CHUNK = 100;

    public static Document byId(MongoCollection<Document> collection, String id) {
        return collection.find(Filters.eq("_id", id)).first();
    }

    /**
     * The documents with these ids (those that exist), {@value #IN_CHUNK} ids per query: the embedded server checks
     * each document it finds against the whole {@code $in} list, so one query of n ids costs n² comparisons there.
     *
     */
    public static List<Document> byIds(MongoCollection<Document> collection, List<String> ids) {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))).into(found);
        }
        return found;
    }

    /** The id of a document that belongs to one event of a case. */
    public static String eventKey(String caseId, long sequence) {
        return caseId.length() + ":" + caseId + ":" + sequence;
    }

    /** One numeric field of a document, read by {@code _id} without loading the rest, or {@code absent}. */
    public static long longField(MongoCollection<Document> collection, String id, String key, long absent) {
        Document document = collection.find(Filters.eq("_id", id)).projection(new Document(key, 1)).first();
        return longValue(document, key, absent);
    }

    public static long longValue(Document document, String key, long absent) {
        if (document == null) {
            return absent;
        }
        Object value = document.get(key);
        return value instanceof Number number ? number.longValue() : absent;
    }

    /** Adds one to a counter in a nested document, creating both as needed. */
    public static void increment(Document document, String nested, String key) {
        Document counts = document.get(nested, Document.class);
        if (counts == null) {
            counts = new Document();
            document.put(nested, counts);
        }
        counts.put(key, ((Number) counts.getOrDefault(key, 0)).intValue() + 1);
    }
}
