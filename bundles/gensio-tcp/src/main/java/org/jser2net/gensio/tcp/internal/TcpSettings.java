package org.jser2net.gensio.tcp.internal;

/**
 * The socket settings of a tcp layer, from its options and defaults.
 *
 * @param readbuf read buffer size in bytes
 * @param nodelay TCP_NODELAY on the connection sockets
 * @param reuseaddr SO_REUSEADDR on the sockets before binding
 */
record TcpSettings(int readbuf, boolean nodelay, boolean reuseaddr) {
}
