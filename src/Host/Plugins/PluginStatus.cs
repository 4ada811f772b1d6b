namespace ClipHost.Host.Plugins;

/// <summary>A plugin folder as the catalog saw it: loaded with its components, or failed with the reason.</summary>
public sealed record PluginStatus(string Name, string Path, bool Loaded, string? Error, IReadOnlyList<string> Components, string? Version = null, string? Fingerprint = null)
{
    public static PluginStatus From(LoadedPlugin plugin) =>
        new(plugin.Name, plugin.Folder, true, null, [.. plugin.Components.Select(c => $"{c.Kind}:{c.Id}@{c.Version}")], plugin.Version, plugin.Fingerprint);
}
