using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Engine.Model;

/// <summary>Where the engine finds plugin components by id; the host fills it from its plugin catalog.</summary>
public interface IComponentRegistry
{
    IReadOnlyCollection<string> EncoderIds { get; }

    IReadOnlyCollection<string> StrategyIds { get; }

    IReadOnlyCollection<string> FilterIds { get; }

    IImageEncoderFactory? FindEncoder(string id);

    ITrainingStrategyFactory? FindStrategy(string id);

    IDataFilterFactory? FindFilter(string id);

    /// <summary>The plugin that provides a component, as "Name Version", for lineage records.</summary>
    string ProviderOf(IPluginComponent component);
}
