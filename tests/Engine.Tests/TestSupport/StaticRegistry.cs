using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using ClipHost.Plugins.DataFilters.Basic;
using ClipHost.Plugins.DataFilters.ClipScore;
using ClipHost.Engine.Model;
using ClipHost.Plugins.Architectures.ConvNext;
using ClipHost.Plugins.Architectures.Mixer;
using ClipHost.Plugins.Architectures.ResNet;
using ClipHost.Plugins.Architectures.Swin;
using ClipHost.Plugins.Architectures.Vit;
using ClipHost.Plugins.Strategies.Clip;
using ClipHost.Plugins.Strategies.Augment;
using ClipHost.Plugins.Strategies.Flip;
using ClipHost.Plugins.Strategies.Slip;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>The built-in plugins as ordinary references; loading through the plugin catalog is the host's tests' business.</summary>
public sealed class StaticRegistry : IComponentRegistry
{
    public static readonly StaticRegistry Instance = new();

    private readonly Dictionary<string, IImageEncoderFactory> _encoders = new()
    {
        ["vit"] = new VitEncoderFactory(),
        ["resnet"] = new ResNetEncoderFactory(),
        ["convnext"] = new ConvNextEncoderFactory(),
        ["swin"] = new SwinEncoderFactory(),
        ["mixer"] = new MixerEncoderFactory(),
    };

    private readonly Dictionary<string, ITrainingStrategyFactory> _strategies = new()
    {
        ["clip"] = new ClipStrategyFactory(),
        ["flip"] = new FlipStrategyFactory(),
        ["slip"] = new SlipStrategyFactory(),
        ["augment"] = new AugmentStrategyFactory(),
    };

    private readonly Dictionary<string, IDataFilterFactory> _filters = new IDataFilterFactory[]
    {
        new ClipScoreFilterFactory(), new RandomSubsetFilterFactory(), new CaptionLengthFilterFactory(), new EnglishFilterFactory(),
        new ImageSizeFilterFactory(), new ExactDedupFilterFactory(), new PhashDedupFilterFactory(), new VocabularyFilterFactory(),
    }.ToDictionary(f => f.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<string> EncoderIds => _encoders.Keys;

    public IReadOnlyCollection<string> FilterIds => _filters.Keys;

    public IDataFilterFactory? FindFilter(string id) => _filters.GetValueOrDefault(id);

    public string ProviderOf(IPluginComponent component) => $"{component.GetType().Assembly.GetName().Name} {component.GetType().Assembly.GetName().Version}";

    public IReadOnlyCollection<string> StrategyIds => _strategies.Keys;

    public IImageEncoderFactory? FindEncoder(string id) => _encoders.GetValueOrDefault(id);

    public ITrainingStrategyFactory? FindStrategy(string id) => _strategies.GetValueOrDefault(id);
}
