using ClipHost.Host.Plugins;

namespace Microsoft.Extensions.Hosting;

/// <summary>The service's plugin watcher: new, rebuilt and removed plugin folders take effect without a restart.</summary>
public static class PluginHotReloadExtensions
{
    public static IHostApplicationBuilder AddPluginHotReload(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<PluginWatcher>();
        return builder;
    }
}
