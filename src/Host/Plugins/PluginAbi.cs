using System.Reflection;
using ClipHost.Abstractions.Plugins;
using ClipHost.Modules;

namespace ClipHost.Host.Plugins;

/// <summary>
/// The assemblies a plugin shares with the host, ClipHost.Abstractions and ClipHost.Modules: a plugin built against
/// another major version of either, or a newer one than the host has, would fail at its first call, so it is refused
/// up front. An older minor version of the same major is accepted.
/// </summary>
internal static class PluginAbi
{
    private static readonly AssemblyName[] Shared = [typeof(IClipPlugin).Assembly.GetName(), typeof(TransformerBlock).Assembly.GetName()];

    public static void Check(Assembly plugin)
    {
        var referenced = plugin.GetReferencedAssemblies();
        foreach (var host in Shared)
        {
            var built = referenced.FirstOrDefault(a => a.Name == host.Name)?.Version;
            if (built is not null && (built.Major != host.Version!.Major || built > host.Version))
            {
                throw new InvalidOperationException($"built against {host.Name} {built}, the host has {host.Version}");
            }
        }
    }
}
