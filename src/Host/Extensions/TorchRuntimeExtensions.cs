using ClipHost.Host.Torch;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the process-wide Torch device and thread settings.</summary>
public static class TorchRuntimeExtensions
{
    public static IHostApplicationBuilder AddTorchRuntime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TorchRuntime>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ClipHost.Host.Options.TorchOptions>, TorchDeviceValidator>();
        return builder;
    }
}
