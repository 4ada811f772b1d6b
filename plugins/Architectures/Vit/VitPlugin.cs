using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.Vit;

/// <summary>The ViT architecture plugin.</summary>
public sealed class VitPlugin : IClipPlugin
{
    public string Name => "Vit";

    public void Register(IClipPluginBuilder builder) => builder.AddImageEncoder(new VitEncoderFactory());
}
