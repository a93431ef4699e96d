/**
 * Recorded incidents, format 1 of {@code shared/spec/incident-format.md}: {@link
 * org.aitia.testdata.incident.IncidentReader} reads a folder into an {@link
 * org.aitia.testdata.incident.Incident}, reporting every problem with its file and line.
 */
package org.aitia.testdata.incident;
