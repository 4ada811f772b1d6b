using ClipHost.Abstractions.Plugins;

namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>The MLP-Mixer architecture plugin.</summary>
public sealed class MixerPlugin : IClipPlugin
{
    public string Name => "Mixer";

    public void Register(IClipPluginBuilder builder) => builder.AddImageEncoder(new MixerEncoderFactory());
}
