package org.jser2net.ser2net.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A ser2net rotator: one accepter whose clients go to the first free of several connections. */
@ObjectClassDefinition(id = RotatorConfiguration.FACTORY_PID, name = "ser2net rotator")
public @interface RotatorConfiguration {

    String FACTORY_PID = "org.jser2net.rotator";

    @AttributeDefinition(description = "Rotator name (the YAML anchor)")
    String name();

    @AttributeDefinition(description = "gensio accepter stack")
    String accepter();

    @AttributeDefinition(description = "The connections to hand clients to, in order")
    String[] connections();

    @AttributeDefinition(name = "accepter-retry-time", description = "Seconds between tries of a failed accepter")
    int accepter$_$retry$_$time() default 10;
}
