using ClipHost.Abstractions.Plugins;

namespace ClipHost.Samples.PlainCnn;

/// <summary>The plugin's entry point: the host finds the one <see cref="IClipPlugin"/> in the assembly and calls Register.</summary>
public sealed class PlainCnnPlugin : IClipPlugin
{
    public string Name => "PlainCnn";

    public void Register(IClipPluginBuilder builder) => builder.AddImageEncoder(new PlainCnnEncoderFactory());
}
