package io.cachewatch.cli;

import picocli.CommandLine;

/** Prints the version the jar was built as. */
public class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"cachewatch " + (version == null ? "development build" : version)};
    }
}
