package org.aitia.topology.query;

import java.util.List;
import org.aitia.model.Entity;
import org.aitia.topology.GraphView;

/** The entities next to an entity. */
public interface NeighbourQuery {

    /** The neighbours of {@code id}, each once; empty when none or when {@code id} is absent. */
    List<Entity> neighbours(GraphView view, String id);
}
