using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Strategies.Augment;

/// <summary>The CLIP + data augmentation strategy plugin.</summary>
public sealed class AugmentPlugin : IClipPlugin
{
    public string Name => "Augment";

    public void Register(IClipPluginBuilder builder) => builder.AddStrategy(new AugmentStrategyFactory());
}
