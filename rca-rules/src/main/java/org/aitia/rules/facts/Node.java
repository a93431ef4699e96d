package org.aitia.rules.facts;

import java.util.Map;
import org.aitia.model.Entity;

/**
 * An entity of the site's topology as a Drools fact. The engine keeps exactly one {@code Node} per
 * entity of the {@code EntityGraph} and updates it in place when the entity changes.
 */
public final class Node {
    private final String id;
    private String type;
    private String name;
    private String site;
    private String state;
    private Map<String, String> properties;

    public Node(Entity entity) {
        this.id = entity.id();
        refresh(entity);
    }

    /** Copies the entity's attributes into this fact (the id never changes). */
    public void refresh(Entity entity) {
        this.type = entity.type();
        this.name = entity.name();
        this.site = entity.site();
        this.state = entity.state();
        this.properties = entity.properties();
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getSite() {
        return site;
    }

    public String getState() {
        return state;
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    /** A property of the entity, or null when it has none of that name. */
    public String getProperty(String key) {
        return properties.get(key);
    }

    /**
     * An attribute for Vitrage's {@code get_attr}: {@code id}, {@code name}, {@code type}, {@code
     * site}, {@code state}, else a property; null when absent.
     */
    public String attr(String key) {
        return switch (key) {
            case "id" -> id;
            case "name" -> name;
            case "type" -> type;
            case "site" -> site;
            case "state" -> state;
            default -> properties.get(key);
        };
    }

    @Override
    public String toString() {
        return "entity " + id + " (" + type + (name.equals(id) ? "" : ", " + name) + ")";
    }
}
