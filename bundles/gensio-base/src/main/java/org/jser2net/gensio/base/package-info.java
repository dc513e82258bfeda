/**
 * Base classes for layer bundles: {@link org.jser2net.gensio.base.AbstractGensio} keeps the lifecycle,
 * the handler and the flow-control rules of the {@link org.jser2net.gensio.api.Gensio} contract so a
 * terminal or filter only writes its own I/O; {@link org.jser2net.gensio.base.RingGensio} and its
 * bounded {@link org.jser2net.gensio.base.ByteRing} for gensios fed from memory (echo, pipes); the
 * stream-socket gensio, connector and accepter that the tcp and unix terminals share;
 * {@link org.jser2net.gensio.base.NetAddress} for gensio's network address strings; and
 * {@link org.jser2net.gensio.base.LayerOptions} for option lookup with defaults.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.base;
