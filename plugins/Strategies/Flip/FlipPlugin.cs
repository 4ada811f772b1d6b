using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Strategies.Flip;

/// <summary>The FLIP strategy plugin.</summary>
public sealed class FlipPlugin : IClipPlugin
{
    public string Name => "Flip";

    public void Register(IClipPluginBuilder builder) => builder.AddStrategy(new FlipStrategyFactory());
}
