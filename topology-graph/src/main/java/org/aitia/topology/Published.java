package org.aitia.topology;

/** What the writer published last: read with one volatile read, so always consistent. */
record Published(long version, int entities, long relationships) {}
