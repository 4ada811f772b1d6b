using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Model;
using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Plugins.DataFilters.Basic;
using ClipHost.Plugins.DataFilters.ClipScore;

namespace ClipHost.Engine.Tests.Reports;

/// <summary>The built-in plugins plus the basic filters (caption-length, random-subset), for pipelines the reports describe.</summary>
public sealed class ReportRegistry : IComponentRegistry
{
    public static readonly ReportRegistry Instance = new();

    private readonly Dictionary<string, IDataFilterFactory> _filters = new()
    {
        ["clip-score"] = new ClipScoreFilterFactory(),
        ["caption-length"] = new CaptionLengthFilterFactory(),
        ["random-subset"] = new RandomSubsetFilterFactory(),
    };

    public IReadOnlyCollection<string> EncoderIds => StaticRegistry.Instance.EncoderIds;

    public IReadOnlyCollection<string> StrategyIds => StaticRegistry.Instance.StrategyIds;

    public IReadOnlyCollection<string> FilterIds => _filters.Keys;

    public IImageEncoderFactory? FindEncoder(string id) => StaticRegistry.Instance.FindEncoder(id);

    public ITrainingStrategyFactory? FindStrategy(string id) => StaticRegistry.Instance.FindStrategy(id);

    public IDataFilterFactory? FindFilter(string id) => _filters.GetValueOrDefault(id);

    public string ProviderOf(IPluginComponent component) => StaticRegistry.Instance.ProviderOf(component);
}
