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

    /** Reads and writes documents of one record type in a batch ({@link DocumentWrites}). */
    public static <T extends Record> DocumentWrites.Codec<T> codec(Class<T> type) {
        return new DocumentWrites.Codec<>(document -> fromDocument(document, type), RecordDocuments::toDocument);
    }

    /**
     * What reading and building a record type takes, found once per type: a read model converts records on every
     * event, and reflecting on the type each time would cost more than the read model's own work.
     */
    private static final class Shape {
        final String[] names;
        final Type[] types;
        final Method[] accessors;
        final Constructor<?> constructor;

        Shape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            types = new Type[components.length];
            accessors = new Method[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
                accessors[i] = components[i].getAccessor();
                // read models keep their stored shapes package-private
                accessors[i].setAccessible(true);
            }
            try {
                constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }

        boolean isTypedId() {
            return names.length == 1 && names[0].equals("value");
        }

        Object read(Record record, int component) {
            try {
                return accessors[component].invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + names[component], e);
            }
        }

        Object create(Object... values) {
            try {
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a " + constructor.getDeclaringClass().getSimpleName(),
                                                e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    public static Document toDocument(Record record, String... omit) {
        Shape shape = SHAPES.get(record.getClass());
        Document document = new Document();
        for (int i = 0; i < shape.names.length; i++) {
            if (omit.length == 0 || !List.of(omit).contains(shape.names[i])) {
                document.put(shape.names[i], toValue(shape.read(record, i)));
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
            Shape shape = SHAPES.get(record.getClass());
            return shape.isTypedId() ? toValue(shape.read(record, 0)) : toDocument(record);
        }
        return value.toString();
    }

    /**
     * The record a document holds ({@link #toDocument} reversed); fields the record does not have are left out, and
     * fields the document lacks are null (false or 0 for primitives).
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R fromDocument(Document document, Class<R> type) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.names.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fromValue(document.get(shape.names[i]), shape.types[i]);
        }
        return (R) shape.create(values);
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
            Shape shape = SHAPES.get(raw);
            return shape.isTypedId() ? shape.create(fromValue(value, shape.types[0]))
                    : fromDocument((Document) value, (Class<? extends Record>) raw);
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
}
