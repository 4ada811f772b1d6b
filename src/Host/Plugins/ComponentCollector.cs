using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Host.Plugins;

/// <summary>Collects what one plugin registers, so a plugin that fails half-way contributes nothing.</summary>
public sealed class ComponentCollector : IClipPluginBuilder
{
    public List<IImageEncoderFactory> Encoders { get; } = [];
    public List<ITrainingStrategyFactory> Strategies { get; } = [];
    public List<IDataFilterFactory> Filters { get; } = [];

    public IEnumerable<IPluginComponent> All => [.. Encoders, .. Strategies, .. Filters];

    public IClipPluginBuilder AddImageEncoder(IImageEncoderFactory factory)
    {
        Encoders.Add(factory);
        return this;
    }

    public IClipPluginBuilder AddStrategy(ITrainingStrategyFactory factory)
    {
        Strategies.Add(factory);
        return this;
    }

    public IClipPluginBuilder AddDataFilter(IDataFilterFactory factory)
    {
        Filters.Add(factory);
        return this;
    }
}
