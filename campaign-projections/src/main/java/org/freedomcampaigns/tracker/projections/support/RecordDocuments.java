package org.freedomcampaigns.tracker.projections.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * Turns records into BSON documents for read models, and back: dates become ISO-8601 strings, enums their names,
 * typed ids (records with one component called {@code value}) their value, nested records nested documents.
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
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((key, v) -> document.put(key.toString(), toValue(v)));
            return document;
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

    /**
     * The record a document holds ({@link #toDocument} reversed); fields the record does not have are left out, and
     * fields the document lacks are null (false or 0 for primitives).
     */
    public static <R extends Record> R fromDocument(Document document, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = fromValue(document.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            // read models keep their stored shapes package-private
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read a " + type.getSimpleName() + " from its document", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromValue(Object value, Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
        if (value == null) {
            return absent(raw);
        }
        if (raw == String.class) {
            return value.toString();
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse(value.toString());
        }
        if (raw.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) raw, value.toString());
        }
        if (raw == long.class || raw == Long.class) {
            return ((Number) value).longValue();
        }
        if (raw == int.class || raw == Integer.class) {
            return ((Number) value).intValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return value;
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return ((Collection<?>) value).stream().map(v -> fromValue(v, element)).toList();
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> map = new LinkedHashMap<>();
            ((Map<String, ?>) value).forEach((key, v) -> map.put(key, fromValue(v, valueType)));
            return map;
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            if (components.length == 1 && components[0].getName().equals("value")) {
                try {
                    return raw.getDeclaredConstructor(components[0].getType())
                              .newInstance(fromValue(value, components[0].getGenericType()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read a " + raw.getSimpleName(), e);
                }
            }
            return fromDocument((Document) value, (Class<? extends Record>) raw);
        }
        return value;
    }

    private static Object absent(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        return null;
    }

    /** An ISO date string, or null. */
    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
