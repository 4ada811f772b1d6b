using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Host.Plugins;

/// <summary>The catalog at one moment: the loaded plugin versions, indexed by component id, and the failures.</summary>
public sealed class PluginSnapshot
{
    public static readonly PluginSnapshot Empty = new(0, [], []);

    public PluginSnapshot(long generation, IReadOnlyList<LoadedPlugin> plugins, IReadOnlyList<PluginStatus> failures)
    {
        Generation = generation;
        Plugins = plugins;
        Failures = failures;
        Encoders = plugins.SelectMany(p => p.Encoders).ToDictionary(e => e.Id, StringComparer.Ordinal);
        Strategies = plugins.SelectMany(p => p.Strategies).ToDictionary(s => s.Id, StringComparer.Ordinal);
        Filters = plugins.SelectMany(p => p.Filters).ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public long Generation { get; }
    public IReadOnlyList<LoadedPlugin> Plugins { get; }
    public IReadOnlyList<PluginStatus> Failures { get; }
    public IReadOnlyDictionary<string, IImageEncoderFactory> Encoders { get; }
    public IReadOnlyDictionary<string, ITrainingStrategyFactory> Strategies { get; }
    public IReadOnlyDictionary<string, IDataFilterFactory> Filters { get; }

    /// <summary>"Name Version" of the loaded plugin that registered a component, or "unknown" for one it does not hold.</summary>
    public string ProviderOf(IPluginComponent component) =>
        Plugins.FirstOrDefault(p => p.Components.Any(c => ReferenceEquals(c, component))) is { } plugin ? $"{plugin.Name} {plugin.Version}" : "unknown";

    /// <summary>Every folder, loaded or failed, in name order.</summary>
    public IReadOnlyList<PluginStatus> Status =>
        [.. Plugins.Select(PluginStatus.From).Concat(Failures).OrderBy(s => s.Name, StringComparer.Ordinal)];
}
