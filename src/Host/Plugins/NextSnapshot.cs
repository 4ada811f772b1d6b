namespace ClipHost.Host.Plugins;

/// <summary>
/// The catalog's next state while a rescan builds it from the current one: the versions kept, the failures, and the
/// versions replaced or removed (retired once the new snapshot is published).
/// </summary>
internal sealed class NextSnapshot(PluginSnapshot current)
{
    private readonly Dictionary<string, LoadedPlugin> _byName = current.Plugins.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, PluginStatus> _failedByName = current.Failures.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public List<LoadedPlugin> Kept { get; } = [];

    public List<PluginStatus> Failures { get; } = [];

    public List<LoadedPlugin> Replaced { get; } = [];

    /// <summary>The version of a folder that the current snapshot holds, if any.</summary>
    public LoadedPlugin? Previous(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Keeps what did not change (so a new folder cannot take an id from a plugin that was already there) and returns
    /// the folders to load. With <paramref name="lastSeen"/>, a folder that changed since the last scan waits for it
    /// to settle, keeping its previous state meanwhile.
    /// </summary>
    public List<string> KeepUnchanged(IReadOnlyList<string> folders, IReadOnlyDictionary<string, string> fingerprints, IReadOnlyDictionary<string, string>? lastSeen)
    {
        var toLoad = new List<string>();
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder)!;
            var print = fingerprints[name];
            var loaded = _byName.GetValueOrDefault(name);
            var failed = _failedByName.GetValueOrDefault(name);
            if (loaded?.Fingerprint == print)
            {
                Kept.Add(loaded);
            }
            else if (failed?.Fingerprint == print)
            {
                Failures.Add(failed);
            }
            else if (lastSeen is not null && lastSeen.GetValueOrDefault(name) != print)
            {
                if (loaded is not null)
                {
                    Kept.Add(loaded);
                }
                else if (failed is not null)
                {
                    Failures.Add(failed);
                }
            }
            else
            {
                toLoad.Add(folder);
            }
        }
        return toLoad;
    }
}
