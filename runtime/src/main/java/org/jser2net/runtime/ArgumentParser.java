package org.jser2net.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses ser2net(8)'s command line the way ser2net does: every argument is exactly {@code -X},
 * options that take a value take the next argument, {@code -v} answers at once.
 */
public final class ArgumentParser {

    private ArgumentParser() {
    }

    /** Parses {@code args}; a {@code -v} stops parsing and returns options with {@code version} set. */
    public static Options parse(List<String> args) throws UsageException {
        String configFile = null;
        boolean configFileSet = false;
        List<String> lines = new ArrayList<>();
        List<String> yaml = new ArrayList<>();
        String admin = null;
        String pidFile = null;
        String signature = null;
        boolean noDetach = false;
        boolean debug = false;
        boolean uucp = true;
        boolean ready = false;
        boolean strict = false;
        boolean shell = false;
        int logLevel = 0;
        int threads = 1;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--strict")) {
                strict = true;
                continue;
            }
            if (arg.length() != 2 || arg.charAt(0) != '-') {
                throw new UsageException("Invalid argument: '" + arg + "'", true);
            }
            char flag = arg.charAt(1);
            switch (flag) {
                case 'r' -> ready = true;
                case 'n' -> noDetach = true;
                case 'd' -> {
                    noDetach = true;
                    debug = true;
                }
                case 'l' -> logLevel++;
                case 'b' -> { }
                case 'u' -> uucp = false;
                case 'G' -> shell = true;
                case 'C', 'Y' -> {
                    boolean old = flag == 'C';
                    if (old ? !yaml.isEmpty() : !lines.isEmpty()) {
                        throw new UsageException("You cannot mix yaml and old config lines.", true);
                    }
                    String value = value(args, ++i, "No config line specified with -" + flag, true);
                    (old ? lines : yaml).add(value);
                    configFile = null;
                    configFileSet = true;
                }
                case 'c' -> {
                    configFile = value(args, ++i, "No config file specified with -c", true);
                    configFileSet = true;
                }
                case 'p' -> admin = value(args, ++i, "No control port specified with -p", true);
                case 'P' -> pidFile = value(args, ++i, "No pid file specified with -P", true);
                case 's' -> signature = value(args, ++i, "No signature specified", false);
                case 't' -> threads = threads(value(args, ++i, "No thread count specified", false));
                case 'v' -> {
                    return new Options(configFile, configFileSet, lines, yaml, admin, pidFile, noDetach,
                            debug, logLevel, uucp, signature, threads, ready, strict, shell, true);
                }
                default -> throw new UsageException("Invalid option: '" + arg + "'", true);
            }
        }
        return new Options(configFile, configFileSet, lines, yaml, admin, pidFile, noDetach, debug,
                logLevel, uucp, signature, threads, ready, strict, shell, false);
    }

    private static String value(List<String> args, int i, String missing, boolean help)
            throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(missing, help);
        }
        return args.get(i);
    }

    private static int threads(String text) throws UsageException {
        if (!text.matches("[0-9]{1,9}")) {
            throw new UsageException("Invalid thread count specified: " + text, false);
        }
        return Math.max(1, Integer.parseInt(text));
    }

    /** The help text printed after a usage error, naming the program as {@code argv0}. */
    public static String help(String argv0) {
        return argv0 + ": the options are:\n"
                + "  -c <file>   read the configuration from <file> (\"-\" reads YAML from stdin);\n"
                + "              without -c, -C or -Y: /etc/ser2net/ser2net.yaml, /etc/ser2net.yaml,\n"
                + "              /etc/ser2net.conf, then the demo in conf/ser2net.yaml\n"
                + "  -C <line>   one old-format (ser2net.conf) configuration line; repeatable;\n"
                + "              replaces the default file (give -c after the last -C to add one)\n"
                + "  -Y <yaml>   a YAML configuration fragment; repeatable; joined in order after the\n"
                + "              -c file; '#' outside quotes is read as a newline; replaces the\n"
                + "              default file (give -c after the last -Y to add one)\n"
                + "  -p <acc>    run the admin (control) port on accepter <acc>, e.g. tcp,127.0.0.1,3000\n"
                + "  -P <file>   write the process id to <file>, removed on exit\n"
                + "  -n          stay in the foreground\n"
                + "  -d          stay in the foreground and log debug messages to stderr\n"
                + "  -l          raise the log level (repeatable)\n"
                + "  -u          do not use UUCP lock files\n"
                + "  -t <n>      use <n> event loop threads (default 1)\n"
                + "  -b          ignored (kept for compatibility)\n"
                + "  -v          print the version and exit\n"
                + "  -s <sig>    default RFC 2217 signature\n"
                + "  -r          print \"Ready\" on stdout once every accepter listens\n"
                + "  -G          run the Gogo shell on the terminal (stays in the foreground)\n"
                + "  --strict    configuration errors stop the daemon instead of being skipped\n";
    }
}
