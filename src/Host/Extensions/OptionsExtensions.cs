using ClipHost.Engine.Paths;
using ClipHost.Host.Options;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Binds every options section and validates it when the host starts, before any work; the data layout (stores,
/// subsets, scores, sources, runs) is made once from Data:Root and Runs:Root and injected wherever a folder is needed.
/// </summary>
public static class OptionsExtensions
{
    public static IHostApplicationBuilder AddClipHostOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DataOptions>, DataOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<DataOptions>, DataOptionsRules>();
        builder.Services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RunsOptions>, RunsOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<RunsOptions>, DataLayoutValidator>();
        builder.Services.AddSingleton(sp => DataLayout.ForRoots(
            sp.GetRequiredService<IOptions<DataOptions>>().Value.Root, sp.GetRequiredService<IOptions<RunsOptions>>().Value.Root));
        builder.Services.AddOptions<TorchOptions>().BindConfiguration(TorchOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TorchOptions>, TorchOptionsValidator>();
        return builder;
    }
}
