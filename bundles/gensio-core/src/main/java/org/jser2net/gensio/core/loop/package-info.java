/**
 * The NIO event loops: one selector thread each, with a task queue and timers.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jser2net.gensio.core.loop;
