using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.ResNet;

/// <summary>The ResNet architecture plugin (CLIP's modified ResNet).</summary>
public sealed class ResNetPlugin : IClipPlugin
{
    public string Name => "ResNet";

    public void Register(IClipPluginBuilder builder) => builder.AddImageEncoder(new ResNetEncoderFactory());
}
