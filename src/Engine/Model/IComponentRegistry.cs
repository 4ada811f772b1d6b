using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Engine.Model;

/// <summary>Where the engine finds plugin components by id; the host fills it from its plugin catalog.</summary>
public interface IComponentRegistry
{
    IReadOnlyCollection<string> EncoderIds { get; }

    IReadOnlyCollection<string> StrategyIds { get; }

    IImageEncoderFactory? FindEncoder(string id);

    ITrainingStrategyFactory? FindStrategy(string id);
}
