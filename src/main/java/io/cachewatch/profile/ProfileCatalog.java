package io.cachewatch.profile;

import io.cachewatch.files.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The resolved alarm profiles of one directory ({@code *.yaml} / {@code *.yml}; profile name = file name without extension). */
public final class ProfileCatalog {
    private final Map<String, AlarmProfile> profiles;
    private final Map<String, AuditPolicy> auditPolicies;

    private ProfileCatalog(Map<String, AlarmProfile> profiles, Map<String, AuditPolicy> auditPolicies) {
        this.profiles = profiles;
        this.auditPolicies = auditPolicies;
    }

    /**
     * Reads, checks and resolves every profile in {@code dir}.
     *
     * @throws ProfileValidationException with all problems found, when there is any
     */
    public static ProfileCatalog load(Path dir) {
        Set<ProfileProblem> problems = new LinkedHashSet<>();
        Set<String> unreadable = new HashSet<>();
        Map<String, ProfileSource> sources = readAll(dir, unreadable, problems);
        Map<String, List<RuleEntry>> resolved = new ProfileResolver(sources, unreadable, problems).resolveAll();
        Map<String, AlarmProfile> profiles = new TreeMap<>();
        Map<String, AuditPolicy> audits = new TreeMap<>();
        for (Map.Entry<String, List<RuleEntry>> entry : resolved.entrySet()) {
            List<AlarmRule> rules = new ArrayList<>();
            for (RuleEntry rule : entry.getValue()) {
                AlarmRule built = RuleBuilder.build(rule, problems);
                if (built != null) {
                    rules.add(built);
                }
            }
            profiles.put(entry.getKey(), new AlarmProfile(entry.getKey(), description(entry.getKey(), sources), rules,
                    dashboard(entry.getKey(), sources)));
            audits.put(entry.getKey(), AuditSection.resolve(chain(entry.getKey(), sources).stream().map(ProfileSource::audit).toList()));
        }
        if (!problems.isEmpty()) {
            List<ProfileProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparing((ProfileProblem p) -> String.valueOf(p.file())).thenComparingInt(ProfileProblem::line));
            throw new ProfileValidationException(sorted);
        }
        return new ProfileCatalog(profiles, audits);
    }

    public Optional<AlarmProfile> find(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** The profile; throws {@link IllegalArgumentException} naming the known profiles when there is none by that name. */
    public AlarmProfile get(String name) {
        AlarmProfile profile = profiles.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("no alarm profile '" + name + "' (known: " + String.join(", ", profiles.keySet()) + ")");
        }
        return profile;
    }

    /** The audit policy of a profile ({@link AuditPolicy#DEFAULTS} when neither it nor a parent has an audit section). */
    public AuditPolicy auditPolicy(String name) {
        return auditPolicies.getOrDefault(name, AuditPolicy.DEFAULTS);
    }

    public boolean contains(String name) {
        return profiles.containsKey(name);
    }

    /** Every profile by name. */
    public Map<String, AlarmProfile> profiles() {
        return java.util.Collections.unmodifiableMap(profiles);
    }

    /** Profile names, sorted. */
    public Set<String> names() {
        return profiles.keySet();
    }

    /** The profile, then its parent, and so on up the {@code extends} chain (a cycle ends it). */
    private static List<ProfileSource> chain(String name, Map<String, ProfileSource> sources) {
        List<ProfileSource> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ProfileSource s = sources.get(name); s != null && seen.add(s.name()); s = sources.get(String.valueOf(s.parentName()))) {
            chain.add(s);
        }
        return chain;
    }

    /** A profile without a description of its own takes its parent's. */
    private static String description(String name, Map<String, ProfileSource> sources) {
        return chain(name, sources).stream().map(ProfileSource::description).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The profile's own dashboard entries, then its parent's, and so on up the chain. */
    private static DashboardChoice dashboard(String name, Map<String, ProfileSource> sources) {
        List<DashboardChoice.Entry> entries = new ArrayList<>();
        for (ProfileSource s : chain(name, sources)) {
            for (RuleField field : s.dashboard()) {
                if (field.valid()) {
                    String key = field.path().equals("dashboard") ? null : field.path().substring("dashboard.".length());
                    String template = field.value().isBoolean() ? DashboardChoice.OFF : field.value().asText();
                    entries.add(new DashboardChoice.Entry(key, template, field.location(), field.path()));
                }
            }
        }
        return new DashboardChoice(entries);
    }

    private static Map<String, ProfileSource> readAll(Path dir, Set<String> unreadable, Set<ProfileProblem> problems) {
        Map<String, ProfileSource> sources = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new ProfileProblem(dir, 0, "", "not a directory"));
            return sources;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(ProfileCatalog::isProfileName).sorted().toList();
        } catch (IOException e) {
            problems.add(new ProfileProblem(dir, 0, "", "cannot list the directory: " + e.getMessage()));
            return sources;
        }
        if (files.isEmpty()) {
            problems.add(new ProfileProblem(dir, 0, "", "no alarm profiles (*.yaml, *.yml) in the directory"));
        }
        SchemaCheck schema = new SchemaCheck();
        Map<String, Path> fileOf = new TreeMap<>();
        for (Path file : files) {
            String name = profileName(file);
            if (fileOf.containsKey(name)) {
                problems.add(new ProfileProblem(file, 1, "", "profile '" + name + "' is also defined by " + fileOf.get(name).getFileName()));
                continue;
            }
            fileOf.put(name, file);
            ProfileSource source = read(file, name, schema, problems);
            if (source != null) {
                sources.put(name, source);
            } else {
                unreadable.add(name);
            }
        }
        return sources;
    }

    private static ProfileSource read(Path file, String name, SchemaCheck schema, Set<ProfileProblem> problems) {
        String text;
        try {
            // entry by entry: a directory or a dangling link named *.yaml is a problem, never skipped in silence
            text = InputFile.readText(file, InputFile.MAX_PROFILE_BYTES);
        } catch (InputFile.Unusable e) {
            problems.add(new ProfileProblem(file, 0, "", e.getMessage()));
            return null;
        }
        List<ProfileProblem> found = new ArrayList<>();
        YamlTree tree = YamlTree.parse(file, text, found);
        if (tree == null) {
            problems.addAll(found);
            return null;
        }
        found.addAll(schema.check(file, tree));
        problems.addAll(found);
        Set<String> rejected = new HashSet<>();
        found.forEach(p -> rejected.add(p.field()));
        return new ProfileReader(file, tree, rejected).read(name);
    }

    /** Every entry named like a profile, whatever it is: what it really is, is checked when it is read. */
    private static boolean isProfileName(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    private static String profileName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
