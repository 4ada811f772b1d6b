using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>The Swin Transformer architecture plugin.</summary>
public sealed class SwinPlugin : IClipPlugin
{
    public string Name => "Swin";

    public void Register(IClipPluginBuilder builder) => builder.AddImageEncoder(new SwinEncoderFactory());
}
