using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Binds every options section and validates it when the host starts, before any work.</summary>
public static class OptionsExtensions
{
    public static IHostApplicationBuilder AddClipHostOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DataOptions>, DataOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<DataOptions>, DataOptionsRules>();
        builder.Services.AddOptions<TorchOptions>().BindConfiguration(TorchOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TorchOptions>, TorchOptionsValidator>();
        return builder;
    }
}
