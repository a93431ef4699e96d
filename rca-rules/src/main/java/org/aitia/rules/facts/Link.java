package org.aitia.rules.facts;

import java.util.Objects;
import org.aitia.model.Relationship;

/** A relationship of the site's topology as a Drools fact: {@code source --type--> target}. */
public final class Link {
    private final String source;
    private final String target;
    private final String type;

    public Link(Relationship r) {
        this.source = r.source();
        this.target = r.target();
        this.type = r.type();
    }

    public String getSource() {
        return source;
    }

    public String getTarget() {
        return target;
    }

    public String getType() {
        return type;
    }

    /** The relationship's id, {@code source|type|target}. */
    public String getId() {
        return source + '|' + type + '|' + target;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Link l
                && source.equals(l.source)
                && target.equals(l.target)
                && type.equals(l.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, target, type);
    }

    @Override
    public String toString() {
        return source + " --" + type + "--> " + target;
    }
}
