package org.jser2net.runtime;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Sends the Felix framework's own log (which would go to stdout) to SLF4J, that is to stderr. */
final class FelixLogBridge extends Logger {

    private final org.slf4j.Logger log = LoggerFactory.getLogger("org.apache.felix.framework");

    @Override
    @SuppressWarnings("rawtypes")
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle != null ? bundle.getSymbolicName() + ": " + msg : msg;
        if (throwable instanceof BundleException && !log.isDebugEnabled()) {
            // resolution failures say everything in the message; the stack trace is noise
            text = text + ": " + throwable.getMessage();
            throwable = null;
        }
        switch (level) {
            case LOG_ERROR -> log.error(text, throwable);
            case LOG_WARNING -> log.warn(text, throwable);
            case LOG_INFO -> log.info(text, throwable);
            default -> log.debug(text, throwable);
        }
    }
}
