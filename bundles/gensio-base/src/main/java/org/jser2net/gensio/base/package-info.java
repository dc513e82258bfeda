/**
 * Base classes for layer bundles: {@link org.jser2net.gensio.base.AbstractGensio} keeps the lifecycle,
 * the handler and the flow-control rules of the {@link org.jser2net.gensio.api.Gensio} contract so a
 * terminal or filter only writes its own I/O.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.base;
