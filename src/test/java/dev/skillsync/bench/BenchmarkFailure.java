package dev.skillsync.bench;

/** The benchmark cannot go on: a wait ran past its deadline, the operator exited, or the watch broke. */
final class BenchmarkFailure extends RuntimeException {

    BenchmarkFailure(String message) {
        super(message);
    }
}
