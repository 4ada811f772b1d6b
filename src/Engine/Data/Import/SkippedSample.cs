namespace ClipHost.Engine.Data.Import;

/// <summary>A sample that was not imported, and why.</summary>
public sealed record SkippedSample(string Key, string Reason);
