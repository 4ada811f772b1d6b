using ClipHost.Host.Options;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace ClipHost.Host.Torch;

/// <summary>
/// Resolves the configured device once and sets LibTorch's thread count once, for the whole process. A CUDA
/// device on a machine without one never gets here: <see cref="TorchDeviceValidator"/> refuses it at start.
/// </summary>
public sealed class TorchRuntime
{
    private readonly Lazy<torch.Device> _device;

    public TorchRuntime(IOptions<TorchOptions> options)
    {
        var o = options.Value;
        _device = new Lazy<torch.Device>(() =>
        {
            if (o.RetainFreedMemory)
            {
                NativeAllocator.RetainFreedMemory();
            }
            if (o.Threads > 0)
            {
                torch.set_num_threads(o.Threads);
            }
            return o.Device switch
            {
                "auto" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
                "cpu" => torch.CPU,
                _ => new torch.Device(o.Device),
            };
        });
    }

    /// <summary>The native bundle this build carries (the TorchBackend MSBuild property).</summary>
    public static string TorchBackend =>
        typeof(TorchRuntime).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TorchBackend")?.Value ?? "cpu";

    public torch.Device Device => _device.Value;

    /// <summary>
    /// The devices training jobs spread over: every GPU when the device is "auto" or "cuda" without an index, else
    /// the one configured device. The service runs one training worker per device.
    /// </summary>
    public IReadOnlyList<torch.Device> TrainingDevices =>
        Device.type == DeviceType.CUDA && Device.index < 0
            ? [.. Enumerable.Range(0, torch.cuda.device_count()).Select(i => new torch.Device(DeviceType.CUDA, i))]
            : [Device];
}
