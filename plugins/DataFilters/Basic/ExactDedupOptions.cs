namespace ClipHost.Plugins.DataFilters.Basic;

/// <summary>"dedup-exact" has no knobs: pixels are the same or they are not. Any field given is refused as unknown.</summary>
public sealed class ExactDedupOptions;
