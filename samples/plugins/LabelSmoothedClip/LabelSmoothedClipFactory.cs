using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Samples.LabelSmoothedClip;

/// <summary>Builds the strategy; its version is the assembly's, so a rebuilt plugin shows its new version in /api/plugins.</summary>
public sealed class LabelSmoothedClipFactory : PluginComponent<LabelSmoothedClipOptions>, ITrainingStrategyFactory
{
    public override string Id => "label-smoothed-clip";

    public override Version Version => typeof(LabelSmoothedClipFactory).Assembly.GetName().Version!;

    public override string Description => "CLIP with label smoothing on both cross-entropies (a sample plugin built outside the solution)";

    public override PluginKind Kind => PluginKind.Strategy;

    public IReadOnlyList<OptionError> Validate(JsonElement? options, EncoderCapabilities encoder, string fieldPath) => Validate(options, fieldPath);

    public ITrainingStrategy Create(JsonElement? options, StrategyContext context) =>
        new LabelSmoothedClipStrategy(BindValid(options, "strategy.options").Smoothing, context.ImageSize);
}
