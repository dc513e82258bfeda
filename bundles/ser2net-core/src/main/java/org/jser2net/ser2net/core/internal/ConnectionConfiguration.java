package org.jser2net.ser2net.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One ser2net connection as a ConfigAdmin factory configuration (factory PID
 * {@value #FACTORY_PID}); option names are ser2net.yaml's.
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
}
