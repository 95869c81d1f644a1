package org.freedomcampaigns.tracker.projections.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * Loads the documents a whole batch will touch in a few queries (a hundred ids each) instead of one round trip per
 * document: what a rebuild or a processor catching up spends most of its time on otherwise.
 */
final class BatchPrefetch {
    private BatchPrefetch() {
    }

    /**
     * The stored documents of every event of the current batch, by id; an id without a document maps to null.
     *
     * @param idOfPayload the id of the document an event payload touches, or null if none
     */
    static Map<String, Document> storedDocuments(MongoCollection<Document> collection,
                                                 Function<Object, String> idOfPayload) {
        Set<String> ids = new LinkedHashSet<>();
        for (Message<?> message : messagesOfTheBatch()) {
            if (message == null) {
                continue;
            }
            try {
                String id = idOfPayload.apply(message.getPayload());
                if (id != null) {
                    ids.add(id);
                }
            } catch (RuntimeException unreadable) {
                // its handler meets the same failure and reports it; the document is then read on its own
            }
        }
        Map<String, Document> stored = new HashMap<>();
        ids.forEach(id -> stored.put(id, null));
        Documents.byIds(collection, new ArrayList<>(ids))
                 .forEach(document -> stored.put(document.getString("_id"), document));
        return stored;
    }

    private static List<? extends Message<?>> messagesOfTheBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork instanceof BatchingUnitOfWork<?> batching ? batching.getMessages()
                : Collections.singletonList(unitOfWork.getMessage());
    }
}
