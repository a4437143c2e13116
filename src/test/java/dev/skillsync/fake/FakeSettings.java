package dev.skillsync.fake;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The knobs tests turn on a running fake; read by request threads, so every field is safe to share. */
final class FakeSettings {

    private final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();
    /** Key to the workspaces it may name in anthropic-workspace-id. */
    private final Map<String, Set<String>> workspaces = new ConcurrentHashMap<>();

    private volatile boolean betaRetired;
    private volatile long maxUploadBytes;
    private volatile int maxPageSize;
    private volatile Duration latency;
    private volatile boolean titlesUnique;

    FakeSettings() {
        restoreDefaults();
    }

    void restoreDefaults() {
        acceptedKeys.clear();
        acceptedKeys.add(FakeSkillsApi.DEFAULT_KEY);
        workspaces.clear();
        betaRetired = false;
        maxUploadBytes = FakeSkillsApi.DEFAULT_MAX_UPLOAD_BYTES;
        maxPageSize = Integer.MAX_VALUE;
        latency = Duration.ZERO;
        titlesUnique = true;
    }

    void allowWorkspace(String key, String workspaceId) {
        workspaces.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(workspaceId);
    }

    boolean mayActOn(String key, String workspaceId) {
        return workspaces.getOrDefault(key, Set.of()).contains(workspaceId);
    }

    void betaRetired(boolean retired) {
        betaRetired = retired;
    }

    boolean betaRetired() {
        return betaRetired;
    }

    boolean accepts(String key) {
        return acceptedKeys.contains(key);
    }

    void acceptKey(String key) {
        acceptedKeys.add(key);
    }

    void revokeKey(String key) {
        acceptedKeys.remove(key);
    }

    long maxUploadBytes() {
        return maxUploadBytes;
    }

    void maxUploadBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("The upload limit must be at least 1 byte, got " + bytes);
        }
        maxUploadBytes = bytes;
    }

    int maxPageSize() {
        return maxPageSize;
    }

    void maxPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("The page size limit must be at least 1, got " + size);
        }
        maxPageSize = size;
    }

    Duration latency() {
        return latency;
    }

    void latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("Latency cannot be negative, got " + latency);
        }
        this.latency = latency;
    }

    boolean titlesUnique() {
        return titlesUnique;
    }

    void allowReusedTitles() {
        titlesUnique = false;
    }
}
