package org.freedomcampaigns.tracker.projections.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;

import org.bson.Document;

/**
 * Turns message records into BSON documents for read models: dates become ISO-8601 strings, enums their names, typed
 * ids (records with one component called {@code value}) their value, nested records nested documents.
 */
public final class RecordDocuments {
    private RecordDocuments() {
    }

    public static Document toDocument(Record record, String... omit) {
        Document document = new Document();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (!List.of(omit).contains(component.getName())) {
                document.put(component.getName(), toValue(read(record, component)));
            }
        }
        return document;
    }

    public static Object toValue(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(RecordDocuments::toValue).toList();
        }
        if (value instanceof Record record) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            if (components.length == 1 && components[0].getName().equals("value")) {
                return toValue(read(record, components[0]));
            }
            return toDocument(record);
        }
        return value.toString();
    }

    /** An ISO date string, or null. */
    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
