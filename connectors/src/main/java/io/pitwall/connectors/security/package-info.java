/**
 * Security events and findings, as {@link io.pitwall.connectors.model.SecurityFinding}s: Falco
 * runtime events ({@link io.pitwall.connectors.security.FalcoEvents}), reports stored as custom
 * resources ({@link io.pitwall.connectors.security.SecurityReports}: Trivy Operator, wg-policy
 * PolicyReports, Gatekeeper violations), posture checks Pitwall runs on live objects
 * ({@link io.pitwall.connectors.security.Posture}), security-relevant Warning events
 * ({@link io.pitwall.connectors.security.SecurityEvents}), and filtering, sorting and grouping
 * them ({@link io.pitwall.connectors.security.SecurityFilter}), a finding's original as rows for the details
 * panel ({@link io.pitwall.connectors.security.FindingDetails}). Pure logic: no I/O beyond
 * reading the text or objects given.
 */
package io.pitwall.connectors.security;
