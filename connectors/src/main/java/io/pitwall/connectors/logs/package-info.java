/**
 * Logs: Loki ({@code query_range}, labels, series, live tail over a websocket), the Kubernetes pod
 * log API for clusters without a log stack, and the lines an incident bundle captured; all behind
 * {@link io.pitwall.connectors.logs.LogsSource}.
 */
package io.pitwall.connectors.logs;
