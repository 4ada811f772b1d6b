namespace ClipHost.Host.Plugins;

/// <summary>A plugin folder as the catalog saw it: loaded with its components, or failed with the reason.</summary>
public sealed record PluginStatus(string Name, string Path, bool Loaded, string? Error, IReadOnlyList<string> Components);
