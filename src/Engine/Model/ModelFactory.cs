using ClipHost.Abstractions.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Model;

/// <summary>
/// Builds a CLIP model from its config and the loaded image-tower plugin, and names the modules a run trains with it
/// (the model, and a strategy's own modules under "strategy."), as the checkpoint and the precision policy name them.
/// </summary>
public static class ModelFactory
{
    /// <summary>The prefix of a strategy's own parameters (SLIP's head) in checkpoints and optimiser groups.</summary>
    public const string StrategyPrefix = "strategy.";

    private static readonly Lock BuildLock = new();

    /// <summary>A model with freshly seeded weights: the same seed gives the same weights.</summary>
    public static ClipModel Build(ClipModelConfig model, long seed, IComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(registry);
        var factory = registry.FindEncoder(model.Vision.Architecture)
            ?? throw new InvalidOperationException($"architecture '{model.Vision.Architecture}' is not loaded");
        // Module constructors draw from LibTorch's one global generator, so two models built at once (two jobs)
        // would interleave their draws and neither would get its seed's weights. Build one at a time.
        lock (BuildLock)
        {
            random.manual_seed(seed);
            var encoder = factory.Create(model.Vision.Options, new ImageEncoderContext(model.Vision.ImageSize, 3, seed));
            return new ClipModel(model, encoder);
        }
    }

    /// <summary>The modules the precision policy converts, named as in the checkpoint.</summary>
    public static IEnumerable<(string Prefix, nn.Module Root)> Roots(ClipModel model, nn.Module? extra) =>
        extra is null ? [(string.Empty, model)] : [(string.Empty, model), (StrategyPrefix, extra)];

    /// <summary>Every trainable parameter of the model and of a strategy's own modules, named as in the checkpoint.</summary>
    public static IEnumerable<(string Name, Parameter Parameter)> NamedParameters(ClipModel model, nn.Module? extra)
    {
        ArgumentNullException.ThrowIfNull(model);
        var own = model.named_parameters().Select(p => (p.name, p.parameter));
        return extra is null ? own : own.Concat(extra.named_parameters().Select(p => ($"{StrategyPrefix}{p.name}", p.parameter)));
    }
}
