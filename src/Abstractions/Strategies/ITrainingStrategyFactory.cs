using ClipHost.Abstractions.Architectures;

namespace ClipHost.Abstractions.Strategies;

/// <summary>Builds training strategies (CLIP, SLIP, FLIP, ...) from validated options.</summary>
public interface ITrainingStrategyFactory : IPluginComponent
{
    /// <summary>
    /// Validates options against the run's encoder, so that an impossible pair (FLIP with an encoder without
    /// patch tokens) is refused before any work, naming both.
    /// </summary>
    /// <param name="options">The options JSON, or null for the defaults.</param>
    /// <param name="encoder">The run's encoder capabilities.</param>
    /// <param name="fieldPath">The config path of <paramref name="options"/>.</param>
    /// <returns>Every problem found; empty when valid.</returns>
    IReadOnlyList<OptionError> Validate(JsonElement? options, EncoderCapabilities encoder, string fieldPath);

    /// <summary>Builds the strategy.</summary>
    /// <param name="options">Valid options.</param>
    /// <param name="context">The run's encoder, sizes, device, seed and engine services.</param>
    /// <returns>The strategy, owned by the caller.</returns>
    ITrainingStrategy Create(JsonElement? options, StrategyContext context);
}
