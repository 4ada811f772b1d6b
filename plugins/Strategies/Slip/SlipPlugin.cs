using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Strategies.Slip;

/// <summary>The SLIP strategy plugin.</summary>
public sealed class SlipPlugin : IClipPlugin
{
    public string Name => "Slip";

    public void Register(IClipPluginBuilder builder) => builder.AddStrategy(new SlipStrategyFactory());
}
