package dev.ucaudit.inspect;

/** Makes one {@link Inspector} per flow. */
public interface InspectorFactory {
    String name();

    Inspector newInspector();
}
