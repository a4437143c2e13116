package dev.skillsync.bench;

import java.util.Optional;
import java.util.OptionalLong;

/** The operator's memory at one moment: resident set from the OS, heap in use from its own metrics. */
record MemorySample(Optional<ProcessMemory> process, OptionalLong heapUsedBytes) {}
