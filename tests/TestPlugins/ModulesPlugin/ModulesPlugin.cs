using ClipHost.Abstractions.Plugins;
using ClipHost.Modules;

namespace ModulesPlugin;

/// <summary>Registers nothing, but reads a Modules member, so the assembly carries a reference to ClipHost.Modules.</summary>
public sealed class ModulesPlugin : IClipPlugin
{
    public string Name => "Modules";

    public void Register(IClipPluginBuilder builder)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(ClipNormalization.Mean.Count, 3);
    }
}
