using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Strategies.Clip;

/// <summary>The CLIP strategy plugin.</summary>
public sealed class ClipPlugin : IClipPlugin
{
    public string Name => "Clip";

    public void Register(IClipPluginBuilder builder) => builder.AddStrategy(new ClipStrategyFactory());
}
