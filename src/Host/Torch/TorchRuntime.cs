using ClipHost.Host.Options;
using Microsoft.Extensions.Options;
using System.Runtime.InteropServices;
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
            ChooseThreads(o.Threads);
            return o.Device switch
            {
                "auto" => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
                "cpu" => torch.CPU,
                _ => new torch.Device(o.Device),
            };
        });
    }

    /// <summary>
    /// Intra-op threads: the configured count, else the cores this process may use (.NET's count honours CPU affinity
    /// and a container's CPU quota; LibTorch's default counts the machine's cores, which oversubscribes a container).
    /// Inter-op threads: one, since training runs one graph at a time and each inter-op thread would bring a team of
    /// intra-op threads of its own. The inter-op count can only be set before LibTorch's first parallel work.
    /// </summary>
    private static void ChooseThreads(int configured)
    {
        torch.set_num_threads(configured > 0 ? configured : Environment.ProcessorCount);
        try
        {
            torch.set_num_interop_threads(1);
        }
        catch (ExternalException)
        {
            // Parallel work already started in this process (a test host's earlier runtime): keep what it has.
        }
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
