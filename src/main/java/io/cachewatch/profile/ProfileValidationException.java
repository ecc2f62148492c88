package io.cachewatch.profile;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link ProfileCatalog#load} with every problem found in the directory, not just the first. */
public class ProfileValidationException extends RuntimeException {
    private final List<ProfileProblem> problems;

    public ProfileValidationException(List<ProfileProblem> problems) {
        super(problems.size() + " problem(s) in alarm profiles:\n"
                + problems.stream().map(ProfileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ProfileProblem> problems() {
        return problems;
    }
}
