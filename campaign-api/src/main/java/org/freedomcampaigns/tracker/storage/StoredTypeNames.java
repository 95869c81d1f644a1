package org.freedomcampaigns.tracker.storage;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * A serializer that stores our types under stable names instead of Java class names, so that renaming or moving a
 * class never orphans stored history. Names of earlier releases (class names) still read; types not named here
 * (Axon's own: tokens, metadata) keep their class names.
 */
final class StoredTypeNames implements Serializer {
    private final Serializer delegate;
    /** Our name for each type, by its class name (the name the delegate gives it). */
    private final Map<String, String> names = new HashMap<>();
    /** The type of every name we read, ours and earlier releases'. */
    private final Map<String, Class<?>> types = new HashMap<>();

    /**
     * @param current the name each type is stored under
     * @param earlier names stored by earlier releases, read as these types
     */
    StoredTypeNames(Serializer delegate, Map<String, Class<?>> current, Map<String, Class<?>> earlier) {
        this.delegate = delegate;
        current.forEach((name, type) -> {
            if (names.put(type.getName(), name) != null || types.put(name, type) != null) {
                throw new IllegalArgumentException("a stored name or type is given twice: " + name);
            }
        });
        earlier.forEach((name, type) -> {
            if (types.putIfAbsent(name, type) != null) {
                throw new IllegalArgumentException("an earlier name is also a current one: " + name);
            }
        });
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        return new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                                            named(serialized.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = types.get(serializedObject.getType().getName());
        if (type == null) {
            return delegate.deserialize(serializedObject);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(
                serializedObject.getData(), serializedObject.getContentType(), type.getName(),
                serializedObject.getType().getRevision()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> named = types.get(type.getName());
        return named != null ? named : delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return named(delegate.typeForClass(type));
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    /** The delegate's type, under our name for it if we have one. */
    private SerializedType named(SerializedType type) {
        String name = names.get(type.getName());
        return name == null ? type : new SimpleSerializedType(name, type.getRevision());
    }
}
