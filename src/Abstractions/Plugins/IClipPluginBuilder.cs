using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Strategies;

namespace ClipHost.Abstractions.Plugins;

/// <summary>Collects the components a plugin contributes.</summary>
public interface IClipPluginBuilder
{
    /// <summary>Adds an image-encoder factory.</summary>
    /// <param name="factory">The factory.</param>
    /// <returns>This builder.</returns>
    IClipPluginBuilder AddImageEncoder(IImageEncoderFactory factory);

    /// <summary>Adds a training-strategy factory.</summary>
    /// <param name="factory">The factory.</param>
    /// <returns>This builder.</returns>
    IClipPluginBuilder AddStrategy(ITrainingStrategyFactory factory);

    /// <summary>Adds a data-filter factory.</summary>
    /// <param name="factory">The factory.</param>
    /// <returns>This builder.</returns>
    IClipPluginBuilder AddDataFilter(IDataFilterFactory factory);
}
