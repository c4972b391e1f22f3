/**
 * The incident bundle, format v1: one zip file ({@code .pitwall}) holding {@code manifest.json}
 * and one file per signal. {@link io.pitwall.connectors.snapshot.BundleWriter} writes it
 * atomically; {@link io.pitwall.connectors.snapshot.BundleReader} opens it, verifying every name,
 * size and SHA-256 before anything is read, because bundles come from untrusted places. The
 * layout and the rules are written down in {@code docs/bundle-format.md}.
 */
package io.pitwall.connectors.snapshot;
