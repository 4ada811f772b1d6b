using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using ClipHost.Modules;
using ClipHost.Modules.Augmentation;

namespace ClipHost.Plugins.Strategies.Slip;

/// <summary>Builds SLIP; works with every encoder (the SimCLR head sits on the pooled features every encoder has).</summary>
public sealed class SlipStrategyFactory : PluginComponent<SlipOptions>, ITrainingStrategyFactory
{
    public override string Id => "slip";

    public override Version Version => typeof(SlipStrategyFactory).Assembly.GetName().Version!;

    public override string Description => "SLIP: CLIP plus sslScale x SimCLR NT-Xent (temperature 0.1) over two SimCLR-augmented views through the same encoder and a 3-layer head";

    public override PluginKind Kind => PluginKind.Strategy;

    public IReadOnlyList<OptionError> Validate(JsonElement? options, EncoderCapabilities encoder, string fieldPath) =>
        Validate(options, fieldPath);

    public ITrainingStrategy Create(JsonElement? options, StrategyContext context)
    {
        var valid = BindValid(options, "options");
        var augmenter = AugmentationPipeline.SimClr(context.ImageSize);
        return new SlipStrategy(valid, context.FeatureDim, context.ImageSize, (raw, generator) =>
        {
            using var view = augmenter.Apply(raw, generator);
            return ClipNormalization.Normalize(view);
        });
    }
}
