/**
 * The domain model and every data source of Pitwall. Nothing here imports JavaFX: connectors do
 * their I/O on their own executors and hand immutable records to listeners.
 */
package io.pitwall.connectors;
