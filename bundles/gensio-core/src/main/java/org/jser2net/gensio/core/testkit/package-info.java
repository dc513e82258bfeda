/**
 * Helpers for tests of layers and of code that drives gensios: connected in-memory pipe pairs, an
 * in-memory {@code mem} terminal with accepters, a recording handler, a registry with test
 * providers, and, for testing one provider on real loops, a context, a driver that starts accepters
 * and opens connectors, a connection queue and a bulk flow-control transfer. No sockets of its own,
 * no OSGi.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.core.testkit;
