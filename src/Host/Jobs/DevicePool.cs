using System.Collections.Concurrent;
using ClipHost.Host.Torch;
using TorchSharp;

namespace ClipHost.Host.Jobs;

/// <summary>
/// Hands each running training job a device of its own. The training queue has as many workers as there are
/// devices, so a job never waits here for long; the semaphore only guards against a miscount.
/// </summary>
public sealed class DevicePool : IDisposable
{
    private readonly ConcurrentQueue<torch.Device> _free;
    private readonly SemaphoreSlim _available;

    public DevicePool(TorchRuntime runtime)
    {
        Devices = runtime.TrainingDevices;
        _free = new ConcurrentQueue<torch.Device>(Devices);
        _available = new SemaphoreSlim(Devices.Count, Devices.Count);
    }

    public IReadOnlyList<torch.Device> Devices { get; }

    public async Task<Lease> TakeAsync(CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        _free.TryDequeue(out var device);
        return new Lease(this, device!);
    }

    public void Dispose() => _available.Dispose();

    /// <summary>A device held by one job until disposed.</summary>
    public sealed class Lease(DevicePool pool, torch.Device device) : IDisposable
    {
        public torch.Device Device { get; } = device;

        public void Dispose()
        {
            pool._free.Enqueue(Device);
            pool._available.Release();
        }
    }
}
