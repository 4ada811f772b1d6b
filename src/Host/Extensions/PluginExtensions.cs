using ClipHost.Engine.Model;
using ClipHost.Host.Options;
using ClipHost.Host.Plugins;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the plugin catalog as the engine's component registry.</summary>
public static class PluginExtensions
{
    public static IHostApplicationBuilder AddPluginCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PluginOptions>().BindConfiguration(PluginOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PluginOptions>, PluginOptionsValidator>();
        builder.Services.AddSingleton<PluginCatalog>();
        builder.Services.AddSingleton<IComponentRegistry>(sp => sp.GetRequiredService<PluginCatalog>());
        return builder;
    }
}
