using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.ConvNext;

/// <summary>The ConvNeXt architecture plugin.</summary>
public sealed class ConvNextPlugin : IClipPlugin
{
    public string Name => "ConvNext";

    public void Register(IClipPluginBuilder builder) => builder.AddImageEncoder(new ConvNextEncoderFactory());
}
