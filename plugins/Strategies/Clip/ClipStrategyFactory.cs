using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Plugins.Strategies.Clip;

/// <summary>Builds the plain CLIP strategy; works with every encoder.</summary>
public sealed class ClipStrategyFactory : PluginComponent<ClipOptions>, ITrainingStrategyFactory
{
    public override string Id => "clip";

    public override Version Version => typeof(ClipStrategyFactory).Assembly.GetName().Version!;

    public override string Description => "CLIP: symmetric InfoNCE over L2-normalised embeddings with a learnable temperature";

    public override PluginKind Kind => PluginKind.Strategy;

    public IReadOnlyList<OptionError> Validate(JsonElement? options, EncoderCapabilities encoder, string fieldPath) =>
        Validate(options, fieldPath);

    public ITrainingStrategy Create(JsonElement? options, StrategyContext context)
    {
        BindValid(options, "options");
        return new ClipStrategy(context.ImageSize);
    }
}
