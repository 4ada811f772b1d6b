using ClipHost.Abstractions.Plugins;

namespace ClipHost.Samples.LabelSmoothedClip;

/// <summary>The plugin's entry point: the host finds the one <see cref="IClipPlugin"/> in the assembly and calls Register.</summary>
public sealed class LabelSmoothedClipPlugin : IClipPlugin
{
    public string Name => "LabelSmoothedClip";

    public void Register(IClipPluginBuilder builder) => builder.AddStrategy(new LabelSmoothedClipFactory());
}
