package org.jser2net.ser2net.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One ser2net connection as a ConfigAdmin factory configuration (factory PID
 * {@value #FACTORY_PID}). Property names are ser2net.yaml's option names; defaults are ser2net's.
 */
@ObjectClassDefinition(id = ConnectionConfiguration.FACTORY_PID, name = "ser2net connection",
        description = "Joins an accepter (where clients connect) to a connector (the device).")
public @interface ConnectionConfiguration {

    String FACTORY_PID = "org.jser2net.connection";

    @AttributeDefinition(description = "Connection name (the YAML anchor)")
    String name();

    @AttributeDefinition(description = "gensio accepter stack, e.g. telnet(rfc2217),tcp,3001")
    String accepter();

    @AttributeDefinition(description = "gensio connector stack, e.g. serialdev,/dev/ttyUSB0,115200n81,local")
    String connector();

    @AttributeDefinition(description = "Whether the port takes clients")
    boolean enable() default true;

    @AttributeDefinition(name = "max-connections", description = "Simultaneous clients (1-65536)")
    int max$_$connections() default 1;

    @AttributeDefinition(description = "A new client replaces the oldest one when all slots are taken")
    boolean kickolduser() default false;

    @AttributeDefinition(description = "Seconds without traffic before a client is closed; 0 = never")
    int timeout() default 0;

    @AttributeDefinition(description = "Sent to each new client (ser2net escapes)")
    String banner();

    @AttributeDefinition(description = "Sent to the device when it opens (ser2net escapes)")
    String openstr();

    @AttributeDefinition(description = "Sent to the device before it closes (ser2net escapes)")
    String closestr();

    @AttributeDefinition(description = "Device output that closes every client once it has been sent")
    String closeon();

    @AttributeDefinition(description = "Device output that sends the collected data at once")
    String sendon();

    @AttributeDefinition(description = "Collect device output for a few character times before sending")
    boolean chardelay() default true;

    @AttributeDefinition(name = "chardelay-scale", description = "Tenths of a character time to wait (1-1000)")
    int chardelay$_$scale() default 20;

    @AttributeDefinition(name = "chardelay-min", description = "Shortest wait in microseconds")
    int chardelay$_$min() default 1000;

    @AttributeDefinition(name = "chardelay-max", description = "Longest hold from the first byte, microseconds")
    int chardelay$_$max() default 20000;

    @AttributeDefinition(name = "dev-to-net-bufsize", description = "Device output collected before sending")
    int dev$_$to$_$net$_$bufsize() default 64;

    @AttributeDefinition(name = "net-to-dev-bufsize", description = "Accepted for compatibility")
    int net$_$to$_$dev$_$bufsize() default 64;

    @AttributeDefinition(name = "no-con-to-acc", description = "Drop device output")
    boolean no$_$con$_$to$_$acc() default false;

    @AttributeDefinition(name = "no-acc-to-con", description = "Drop client input")
    boolean no$_$acc$_$to$_$con() default false;

    @AttributeDefinition(name = "accepter-retry-time", description = "Seconds between tries of a failed accepter")
    int accepter$_$retry$_$time() default 10;

    @AttributeDefinition(name = "trace-read", description = "File for device output (ser2net escapes)")
    String trace$_$read();

    @AttributeDefinition(name = "trace-write", description = "File for client input (ser2net escapes)")
    String trace$_$write();

    @AttributeDefinition(name = "trace-both", description = "File for both directions (ser2net escapes)")
    String trace$_$both();

    @AttributeDefinition(name = "trace-read-hexdump")
    boolean trace$_$read$_$hexdump() default false;

    @AttributeDefinition(name = "trace-read-timestamp")
    boolean trace$_$read$_$timestamp() default false;

    @AttributeDefinition(name = "trace-write-hexdump")
    boolean trace$_$write$_$hexdump() default false;

    @AttributeDefinition(name = "trace-write-timestamp")
    boolean trace$_$write$_$timestamp() default false;

    @AttributeDefinition(name = "trace-both-hexdump")
    boolean trace$_$both$_$hexdump() default false;

    @AttributeDefinition(name = "trace-both-timestamp")
    boolean trace$_$both$_$timestamp() default false;

    @AttributeDefinition(description = "Allowed client addresses: [!]host,port entries; port 0 = any")
    String[] remaddr();

    @AttributeDefinition(description = "Connectors to open to when device data arrives (connect-back)")
    String[] connback();

    @AttributeDefinition(name = "connector-retry-time", description = "Seconds between tries of a failed device or connect-back")
    int connector$_$retry$_$time() default 10;

    @AttributeDefinition(description = "Answer to an RFC 2217 SIGNATURE request")
    String signature() default "ser2net";

    @AttributeDefinition(name = "telnet-brk-on-sync", description = "A telnet SYNC sends a break to the device")
    boolean telnet$_$brk$_$on$_$sync() default false;
}
