/**
 * The gensio contracts: a {@link org.jser2net.gensio.api.Gensio} is one bidirectional byte stream
 * (a stack of layers), an {@link org.jser2net.gensio.api.Accepter} makes them from incoming
 * connections, and {@link org.jser2net.gensio.api.StackSpec} is the parsed form of a gensio(5) stack
 * string.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.api;
