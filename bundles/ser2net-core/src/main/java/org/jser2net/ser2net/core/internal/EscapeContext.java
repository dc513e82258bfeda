package org.jser2net.ser2net.core.internal;

import java.time.ZonedDateTime;

/**
 * What ser2net's string escapes refer to: the connection, its stacks, the client and the time.
 *
 * @param name connection name ({@code \N}, {@code \o})
 * @param accepter accepter stack string ({@code \p})
 * @param connector connector stack string ({@code \d})
 * @param serialParams the device's serial parameters such as {@code 9600N81,CLOCAL} ({@code \B}), or ""
 * @param client the client's address in gensio form ({@code \I}), or ""
 * @param time the moment of expansion (date and time escapes)
 * @param micros microseconds within the second ({@code \U})
 */
record EscapeContext(String name, String accepter, String connector, String serialParams, String client,
        ZonedDateTime time, int micros) {
}
