package io.cachewatch.serve;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Keeps the HTTP server (health, metrics, status) off for the one-shot commands. Quarkus starts Vert.x HTTP at boot
 * whenever the extension is present, before picocli parses the command line, so this configuration source looks at
 * the process's own arguments and sets {@code quarkus.http.host-enabled} to true for {@code serve} and false for
 * everything else, with an ordinal above every user source, so {@code reconcile}, {@code discover} and {@code validate} never bind a
 * port. Registered in {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}.
 */
public final class HttpOnlyForServe implements ConfigSource {
    static final String HOST_ENABLED = "quarkus.http.host-enabled";
    private final Map<String, String> properties;

    public HttpOnlyForServe() {
        // explicit both ways: Quarkus records the build's value of a runtime property as its default
        this.properties = Map.of(HOST_ENABLED, Boolean.toString("serve".equals(command(arguments()).orElse(null))));
    }

    /** The application's arguments: from the OS (after {@code -jar <jar>} or the main class), else sun.java.command. */
    static List<String> arguments() {
        String javaCommand = System.getProperty("sun.java.command", "");
        Optional<String[]> argv = ProcessHandle.current().info().arguments();
        if (argv.isPresent()) {
            List<String> all = Arrays.asList(argv.get());
            int jar = all.indexOf("-jar");
            if (jar >= 0) {
                return all.subList(Math.min(all.size(), jar + 2), all.size());
            }
            String main = javaCommand.split(" ", 2)[0];
            int at = all.indexOf(main);
            if (!main.isEmpty() && at >= 0) {
                return all.subList(at + 1, all.size());
            }
        }
        String[] parts = javaCommand.trim().split("\\s+");
        return parts.length <= 1 ? List.of() : Arrays.asList(parts).subList(1, parts.length);
    }

    /** The first argument that is not an option: the picocli subcommand. */
    static Optional<String> command(List<String> arguments) {
        return arguments.stream().filter(a -> !a.startsWith("-")).findFirst();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "cachewatch-http-only-for-serve";
    }

    @Override
    public int getOrdinal() {
        return 1000;
    }
}
