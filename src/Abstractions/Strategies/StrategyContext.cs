using ClipHost.Abstractions.Architectures;
using static TorchSharp.torch;

namespace ClipHost.Abstractions.Strategies;

/// <summary>What a strategy is built with.</summary>
/// <param name="Encoder">The capabilities of the run's image encoder.</param>
/// <param name="FeatureDim">Width of the encoder's pooled features (for heads on top of them).</param>
/// <param name="ImageSize">Training image side in pixels.</param>
/// <param name="Device">Where tensors live.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Services">Engine services a strategy may ask for (e.g. batched augmentations); new services
/// appear here without changing this contract.</param>
public sealed record StrategyContext(
    EncoderCapabilities Encoder,
    int FeatureDim,
    int ImageSize,
    Device Device,
    long Seed,
    IServiceProvider Services);
