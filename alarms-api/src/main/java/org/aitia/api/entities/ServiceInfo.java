package org.aitia.api.entities;

/**
 * One service as {@code vitrage service list} shows it.
 *
 * @param name the service
 * @param process its process id
 * @param hostname where it runs
 * @param created when it started (ISO-8601)
 */
public record ServiceInfo(String name, long process, String hostname, String created) {}
