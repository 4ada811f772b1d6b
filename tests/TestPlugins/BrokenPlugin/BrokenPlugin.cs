using ClipHost.Abstractions.Plugins;

namespace BrokenPlugin;

/// <summary>Fails in its constructor, as a plugin missing its licence file or native dependency would.</summary>
public sealed class BrokenPlugin : IClipPlugin
{
    public BrokenPlugin() => throw new InvalidOperationException("the broken plugin refuses to start");

    public string Name => "Broken";

    public void Register(IClipPluginBuilder builder)
    {
    }
}
